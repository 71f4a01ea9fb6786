package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apiguardian.api.API;

/**
 * A statistic of a metric's latency must not exceed a limit. Empty metric: all requests together. Judges the samples
 * that succeeded and the failed ones slower than the limit (a request that timed out after 30 s made its user wait
 * 30 s); a failure faster than the limit (a refused connection) says nothing of how fast the target serves and is left
 * to the error budget. A metric with nothing to judge breaks the budget.
 */
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
        MetricSnapshot samples = snapshot.get();
        Histogram judged = judged(samples);
        long slowFailures = judged.getTotalCount() - samples.ok();
        if (judged.getTotalCount() == 0) {
            return List.of(new BudgetResult(description, name, BudgetResult.Quantity.LATENCY, statistic, Double.NaN,
                    limitMillis, false,
                    subject + ": no sample succeeded, budget " + Format.millis(limitMillis) + " (all "
                            + Format.count(samples.failed()) + " failed faster than the budget — "
                            + FailureCause.summary(samples.errors())
                            + "; a failure that fast says nothing of how fast the target serves)"));
        }
        double measured = statistic.millis(judged);
        String message = subject + " was " + Format.millis(measured) + ", budget " + Format.millis(limitMillis)
                + " (n=" + Format.count(judged.getTotalCount()) + failures(samples.failed(), slowFailures) + ")";
        return List.of(new BudgetResult(description, name, BudgetResult.Quantity.LATENCY, statistic, measured,
                limitMillis, measured <= limitMillis, message));
    }

    /** The samples this limit judges: those that succeeded, and the failures slower than the limit. */
    Histogram judged(MetricSnapshot samples) {
        Histogram judged = samples.latencies().copy();
        addSlowerThan(limit.toNanos() / 1_000, samples.failedLatencies(), judged);
        return judged;
    }

    /** Adds to {@code judged} the failed samples slower than {@code limitMicros}. */
    private static void addSlowerThan(long limitMicros, Histogram failed, Histogram judged) {
        for (HistogramIterationValue value : failed.recordedValues()) {
            if (value.getValueIteratedTo() > limitMicros) {
                judged.recordValueWithCount(value.getValueIteratedTo(), value.getCountAtValueIteratedTo());
            }
        }
    }

    private static String failures(long failed, long slow) {
        if (failed == 0) {
            return "";
        }
        String left = "faster than the budget, left to the error budget";
        String counted = "slower than the budget, counted";
        if (slow == 0) {
            return "; " + Format.count(failed) + " failed " + left;
        }
        if (slow == failed) {
            return "; " + Format.count(failed) + " failed " + counted;
        }
        return "; " + Format.count(failed) + " failed: " + Format.count(slow) + " " + counted + ", "
                + Format.count(failed - slow) + " " + left;
    }
}
