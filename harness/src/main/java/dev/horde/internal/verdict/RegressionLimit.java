package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.baseline.Comparison;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.IntervalHistograms;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * A statistic of a metric must not be worse than in a {@link Baseline} run beyond an allowance: a latency statistic
 * not higher by more than {@code allowed} (and by more than {@code floor}), the throughput not lower by more than
 * {@code allowed}. A change counts as a regression only when its whole {@value Comparison#CONFIDENCE} confidence
 * interval ({@link Comparison}) lies beyond the allowance, so the noise of a busy machine does not fail a build. Latency
 * is that of the samples that succeeded. Empty metric: all requests.
 *
 * @param statistic the latency statistic compared; null for the throughput
 */
@API(status = INTERNAL, since = "0.1")
public record RegressionLimit(String metric, Statistic statistic, double allowed, Duration floor, Baseline baseline)
        implements Budget {

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        String name = metric.isEmpty() ? MetricNames.ALL_REQUESTS : metric;
        String subject = (statistic == null ? "throughput" : statistic.label()) + " of " + name;
        String description = subject + " against the baseline " + (statistic == null ? ">= " : "<= ")
                + signed(statistic == null ? -allowed : allowed);
        List<IntervalHistograms> now = metrics.intervals(name);
        List<Baseline.Interval> before = baseline.intervals(name);
        if (now.stream().mapToLong(IntervalHistograms::count).sum() == 0) {
            return List.of(result(description, name, Double.NaN, false, subject + ": no samples in this run, so"
                    + " nothing to compare with the baseline (" + Budget.recordedNames(metrics, name) + ")"));
        }
        long seed = name.hashCode() * 31L + (statistic == null ? -1 : statistic.ordinal());
        Comparison comparison = statistic == null
                ? Comparison.throughput(before.stream().map(i -> new long[] {i.latencies().getTotalCount(),
                        i.endMs() - i.startMs()}).toList(), now.stream().map(i -> new long[] {i.count(),
                        i.endMs() - i.startMs()}).toList(), seed)
                : Comparison.latency(before.stream().map(Baseline.Interval::latencies).toList(),
                        now.stream().map(IntervalHistograms::succeeded).toList(),
                        statistic == Statistic.MEAN ? Double.NaN : statistic.percentile(), seed);
        if (comparison == null) {
            return List.of(result(description, name, Double.NaN, true, subject + ": the baseline in "
                    + baseline.directory() + " has no samples of it, so nothing to compare"));
        }
        boolean regressed = statistic == null ? comparison.high() < -allowed
                : comparison.low() > allowed && comparison.now() - comparison.baseline() > floor.toNanos() / 1e6;
        String message = subject + ": " + value(comparison.now()) + " against a baseline of "
                + value(comparison.baseline()) + " (" + signed(comparison.change()) + ", "
                + Math.round(Comparison.CONFIDENCE * 100) + "% CI " + signed(comparison.low()) + "…"
                + signed(comparison.high()) + "), allowed " + signed(statistic == null ? -allowed : allowed)
                + (regressed ? "" : why(comparison));
        return List.of(result(description, name, comparison.change(), !regressed, message));
    }

    /** Why a change that looks worse than the allowance is not a regression. */
    private String why(Comparison comparison) {
        if (statistic == null) {
            return comparison.change() < -allowed ? " — within the noise: the interval reaches the allowance" : "";
        }
        if (comparison.change() <= allowed) {
            return "";
        }
        if (comparison.now() - comparison.baseline() <= floor.toNanos() / 1e6) {
            return " — " + Format.millis(comparison.now() - comparison.baseline()) + " more, within the floor of "
                    + Format.millis(floor.toNanos() / 1e6);
        }
        return " — within the noise: the interval reaches the allowance";
    }

    private String value(double value) {
        return statistic == null ? Format.perSecond(value) : Format.millis(value);
    }

    private BudgetResult result(String description, String name, double measured, boolean passed, String message) {
        return new BudgetResult(description, name, BudgetResult.Quantity.REGRESSION, statistic, measured,
                statistic == null ? -allowed : allowed, passed, message);
    }

    /** A change as a signed percentage: {@code +30%}, {@code -4.2%}, {@code +0.5%}. */
    public static String signed(double fraction) {
        double percent = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(percent) >= 10 ? "%+.0f%%" : "%+.1f%%", percent);
    }
}
