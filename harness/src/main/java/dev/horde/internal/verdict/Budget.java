package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/** One limit a load test must keep, checked once the run is over. */
@API(status = INTERNAL, since = "0.1")
public sealed interface Budget permits LatencyLimit, ErrorRateLimit, ThroughputLimit, SomethingSucceeds,
        WindowedBudget, RegressionLimit {

    /** The metric the limit applies to; empty for the default scope of the kind of budget. */
    String metric();

    /** The outcome for each metric the limit covers; one or more. */
    List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow);

    /**
     * The metric names for a message saying that the budget's metric {@code wanted} recorded nothing, with the
     * recorded one it most likely meant.
     */
    static String recordedNames(RunMetrics metrics, String wanted) {
        List<String> recorded = metrics.byName().entrySet().stream()
                .filter(e -> e.getValue().count() > 0)
                .map(Map.Entry::getKey)
                .toList();
        return recorded.isEmpty() ? "nothing was recorded"
                : "recorded metrics: " + String.join(", ", recorded) + MetricHint.of(wanted, recorded);
    }
}
