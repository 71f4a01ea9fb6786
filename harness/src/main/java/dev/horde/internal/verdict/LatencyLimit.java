package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** A statistic of a metric's latency must not exceed a limit. Empty metric: all requests together. */
@API(status = INTERNAL, since = "0.1")
public record LatencyLimit(String metric, Statistic statistic, Duration limit) implements Budget {

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        String name = metric.isEmpty() ? MetricNames.ALL_REQUESTS : metric;
        double limitMillis = limit.toNanos() / 1_000_000.0;
        String subject = statistic.label() + " of " + name;
        String description = subject + " <= " + Format.millis(limitMillis);
        Optional<MetricSnapshot> snapshot = metrics.find(name);
        if (snapshot.isEmpty()) {
            return List.of(new BudgetResult(description, name, BudgetResult.Quantity.LATENCY, statistic, Double.NaN,
                    limitMillis, false,
                    subject + ": no samples, budget " + Format.millis(limitMillis) + " ("
                            + Budget.recordedNames(metrics, name) + ")"));
        }
        double measured = statistic.millis(snapshot.get());
        String message = subject + " was " + Format.millis(measured) + ", budget " + Format.millis(limitMillis)
                + " (n=" + Format.count(snapshot.get().count()) + ")";
        return List.of(new BudgetResult(description, name, BudgetResult.Quantity.LATENCY, statistic, measured,
                limitMillis, measured <= limitMillis, message));
    }
}
