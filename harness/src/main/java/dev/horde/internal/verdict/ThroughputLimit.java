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

/**
 * A metric's samples per second over the measured window must reach a minimum. Empty metric: all requests.
 * {@code scaling} says how the declared minimum was scaled with the load, e.g. {@code 450/s × horde.users.factor=0.1};
 * empty when it was not.
 */
@API(status = INTERNAL, since = "0.1")
public record ThroughputLimit(String metric, double min, String scaling) implements Budget {

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        String name = metric.isEmpty() ? MetricNames.ALL_REQUESTS : metric;
        String subject = "throughput of " + name;
        String limit = Format.perSecond(min) + (scaling.isEmpty() ? "" : " (" + scaling + ")");
        String description = subject + " >= " + limit;
        Optional<MetricSnapshot> found = metrics.find(name);
        if (found.isEmpty()) {
            return List.of(new BudgetResult(description, name, BudgetResult.Quantity.THROUGHPUT, null, Double.NaN, min, false,
                    subject + ": no samples, budget at least " + limit + " ("
                            + Budget.recordedNames(metrics, name) + ")"));
        }
        double seconds = measuredWindow.toNanos() / 1e9;
        long count = found.get().count();
        double rate = seconds > 0 ? count / seconds : 0;
        String message = subject + " was " + Format.perSecond(rate) + " (" + Format.count(count) + " in "
                + Format.number(seconds) + " s), budget at least " + limit;
        return List.of(new BudgetResult(description, name, BudgetResult.Quantity.THROUGHPUT, null, rate, min,
                rate >= min, message));
    }
}
