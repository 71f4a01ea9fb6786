package dev.horde.verdict;

import dev.horde.metrics.Format;
import dev.horde.metrics.MetricRegistry;
import dev.horde.metrics.MetricSnapshot;
import dev.horde.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A statistic of a metric's latency must not exceed a limit. Empty metric: all requests together. */
public record LatencyLimit(String metric, Statistic statistic, Duration limit) implements Budget {

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        String name = metric.isEmpty() ? MetricRegistry.ALL_REQUESTS : metric;
        double limitMillis = limit.toNanos() / 1_000_000.0;
        String subject = statistic.label() + " of " + name;
        String description = subject + " <= " + Format.millis(limitMillis);
        Optional<MetricSnapshot> snapshot = metrics.find(name);
        if (snapshot.isEmpty()) {
            return List.of(new BudgetResult(description, name, Double.NaN, limitMillis, "ms", false,
                    subject + ": no samples, budget " + Format.millis(limitMillis) + " ("
                            + Budget.recordedNames(metrics) + ")"));
        }
        double measured = statistic.millis(snapshot.get());
        String message = subject + " was " + Format.millis(measured) + ", budget " + Format.millis(limitMillis)
                + " (n=" + Format.count(snapshot.get().count()) + ")";
        return List.of(new BudgetResult(description, name, measured, limitMillis, "ms", measured <= limitMillis, message));
    }
}
