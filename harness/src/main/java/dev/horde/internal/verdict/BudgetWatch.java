package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.StopCondition;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * Stops a run once one of the budgets of {@link LoadPlan#abortOn()} is broken for good: a windowed budget one of whose
 * windows broke, a {@code max} latency a sample exceeded, or a whole-run budget that would stay broken even if the
 * rest of the run brought samples at {@value #HEADROOM} times the highest rate of any second so far, every one of them
 * successful and faster than the limit. Never before {@link LoadPlan#abortAfter()} of the measured run.
 */
@API(status = INTERNAL, since = "0.1")
public final class BudgetWatch implements StopCondition {

    /** How many times the highest rate so far the rest of a run is assumed to bring at most. */
    static final int HEADROOM = 2;

    private final LoadPlan plan;

    private BudgetWatch(LoadPlan plan) {
        this.plan = plan;
    }

    /** The watch of {@code plan}'s budgets that stop the run; {@link StopCondition#NONE} when none does. */
    public static StopCondition of(LoadPlan plan) {
        return plan.abortOn().isEmpty() ? StopCondition.NONE : new BudgetWatch(plan);
    }

    @Override
    public String check(Interval interval, MetricRegistry metrics, Duration measured) {
        if (measured.compareTo(plan.abortAfter()) < 0) {
            return null;
        }
        Duration remaining = plan.duration().minus(plan.warmUp()).minus(measured);
        RunMetrics soFar = null;
        for (Budget budget : plan.abortOn()) {
            if (budget instanceof WindowedBudget windowed) {
                RunMetrics intervals = new RunMetrics(Map.of(), null, List.of(), List.of(), metrics.keptIntervals());
                Optional<BudgetResult> broken = windowed.fullWindows(intervals).stream()
                        .filter(result -> !result.passed()).findFirst();
                if (broken.isPresent()) {
                    return "abortOnBreach: " + broken.get().message();
                }
                continue;
            }
            if (soFar == null) {
                soFar = metrics.peek();
            }
            for (BudgetResult result : budget.evaluate(soFar, measured)) {
                if (!result.passed() && !Double.isNaN(result.measured())) {
                    String why = forGood(budget, result, soFar, measured, remaining.isNegative() ? Duration.ZERO
                            : remaining);
                    if (why != null) {
                        return "abortOnBreach: " + result.message() + " — " + why;
                    }
                }
            }
        }
        return null;
    }

    /** Why {@code result}, a breach of {@code budget}, cannot be mended by the rest of the run; null if it can. */
    private static String forGood(Budget budget, BudgetResult result, RunMetrics soFar, Duration measured,
            Duration remaining) {
        if (budget instanceof LatencyLimit latency && latency.statistic() == Statistic.MAX) {
            return "no later sample lowers a maximum";
        }
        double peak = peakRate(soFar, result.metric());
        double more = HEADROOM * peak * remaining.toNanos() / 1e9;
        String assumption = "it stays broken even if the remaining "
                + Durations.format(Duration.ofSeconds(remaining.toSeconds())) + " brought "
                + Format.count((long) Math.ceil(more)) + " more samples (" + HEADROOM + " × the highest rate so far, "
                + Format.perSecond(peak) + ")";
        Optional<MetricSnapshot> found = soFar.find(result.metric());
        if (found.isEmpty()) {
            return null;
        }
        MetricSnapshot samples = found.get();
        boolean forGood;
        if (budget instanceof LatencyLimit latency) {
            Histogram judged = latency.judged(samples);
            double total = judged.getTotalCount() + more;
            if (latency.statistic() == Statistic.MEAN) {
                forGood = judged.getMean() * judged.getTotalCount() / total / 1_000.0 > result.limit();
            } else {
                long limitMicros = latency.limit().toNanos() / 1_000;
                long slower = judged.getTotalCount() - judged.getCountBetweenValues(0, limitMicros);
                forGood = slower > (1 - latency.statistic().percentile() / 100) * total;
            }
            assumption += ", all faster than the limit";
        } else if (budget instanceof ErrorRateLimit) {
            forGood = samples.failed() / (samples.count() + more) > result.limit();
            assumption += ", all successful";
        } else if (budget instanceof ThroughputLimit) {
            double seconds = (measured.toNanos() + remaining.toNanos()) / 1e9;
            forGood = seconds > 0 && (samples.count() + more) / seconds < result.limit();
        } else {
            forGood = false;
        }
        return forGood ? assumption : null;
    }

    /** The highest rate of {@code metric} in any measured second so far, samples per second. */
    private static double peakRate(RunMetrics soFar, String metric) {
        double peak = 0;
        for (Interval interval : soFar.timeSeries()) {
            double seconds = (interval.endMs() - interval.startMs()) / 1_000.0;
            if (!interval.measured() || seconds <= 0) {
                continue;
            }
            for (IntervalStats stats : interval.metrics()) {
                if (stats.metric().equals(metric)) {
                    peak = Math.max(peak, stats.count() / seconds);
                }
            }
        }
        return peak;
    }
}
