package dev.horde.internal.capacity;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.engine.Progress;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.engine.StopCondition;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalHistograms;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.CapacityPlan;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * Runs alongside a capacity search's run: keeps the schedule at each interval, judges each step once it is over, and
 * stops the run at the first step that did not hold; then tells what the search found. A step is judged on the
 * intervals whose middle lies between its settling and its end, from the merged histograms of its seconds.
 */
@API(status = INTERNAL, since = "0.1")
public final class CapacitySearch implements RunObserver, StopCondition {

    private final LoadPlan plan;
    private final CapacityPlan capacity;
    private final List<long[]> schedule = new ArrayList<>(); // {endMs, due, late, dropped}, cumulative
    private int judged;

    /** The search of {@code plan}, which must have a {@link LoadPlan#capacity()}. */
    public CapacitySearch(LoadPlan plan) {
        this.plan = plan;
        this.capacity = plan.capacity();
    }

    @Override
    public synchronized void onInterval(Interval interval, Progress progress) {
        ScheduleStats stats = progress.schedule();
        if (stats != null) {
            schedule.add(new long[] {interval.endMs(), stats.due(), stats.late(), stats.dropped()});
        }
    }

    @Override
    public synchronized String check(Interval interval, MetricRegistry metrics, Duration measured) {
        int complete = completeSteps(interval.endMs());
        RunMetrics soFar = null;
        while (judged < complete) {
            if (soFar == null) {
                soFar = new RunMetrics(Map.of(), null, List.of(), metrics.timeSeries(), metrics.keptIntervals());
            }
            CapacityStep step = judge(judged, soFar);
            judged++;
            if (!step.held()) {
                return "the capacity search ended at " + capacity.format(step.level()) + ": " + why(step);
            }
        }
        return null;
    }

    /** What the search found in the run that ended with {@code outcome}. */
    public synchronized CapacityResult result(RunOutcome outcome) {
        RunMetrics metrics = outcome.metrics();
        List<CapacityStep> steps = new ArrayList<>();
        int complete = completeSteps(outcome.elapsed().toMillis());
        OptionalDouble found = OptionalDouble.empty();
        for (int index = 0; index < complete; index++) {
            CapacityStep step = judge(index, metrics);
            steps.add(step);
            if (!step.held()) {
                break;
            }
            found = OptionalDouble.of(step.level());
        }
        return new CapacityResult(capacity, List.copyOf(steps), found);
    }

    /** The verdict of the search: one result, the capacity against the plan's minimum. */
    public Verdict verdict(CapacityResult result) {
        String found = result.capacity().isPresent() ? capacity.format(result.capacity().getAsDouble()) : "none";
        String description = capacity.min() > 0 ? "capacity >= " + capacity.format(capacity.min())
                : "capacity from " + capacity.format(capacity.levels().get(0)) + " to "
                        + capacity.format(capacity.levels().get(capacity.levels().size() - 1));
        StringBuilder message = new StringBuilder("capacity ");
        CapacityStep ending = result.ending();
        if (result.reachedCeiling()) {
            message.append("at least ").append(found).append(": every step up to the ceiling held every budget");
        } else if (result.capacity().isEmpty()) {
            message.append("not found: the first step, ").append(ending == null ? "never judged"
                    : capacity.format(ending.level()) + ", did not hold: " + why(ending));
        } else {
            message.append(found).append(", the highest step that held every budget");
            if (ending != null) {
                message.append(ending.generatorLimit() != null ? "; inconclusive beyond it: at " : "; at ")
                        .append(capacity.format(ending.level())).append(' ').append(why(ending));
            } else {
                message.append("; the run ended before the next step was over");
            }
        }
        if (capacity.min() > 0) {
            message.append(result.enough() ? " (minimum " : " — below the minimum of ")
                    .append(capacity.format(capacity.min())).append(result.enough() ? ")" : "");
        }
        return new Verdict(List.of(new BudgetResult(description, MetricNames.ALL_REQUESTS,
                BudgetResult.Quantity.CAPACITY, null,
                result.capacity().isPresent() ? result.capacity().getAsDouble() : Double.NaN, capacity.min(),
                result.enough(), message.toString())));
    }

    /** What ended a step: the generator's limit, or its broken budgets. */
    private static String why(CapacityStep step) {
        if (step.generatorLimit() != null) {
            return "the load generator was the limit (" + step.generatorLimit() + ")";
        }
        return String.join("; ", step.breaches().stream().map(BudgetResult::shown).toList());
    }

    /** How many steps are over at {@code endMs} since the run started. */
    private int completeSteps(long endMs) {
        long hold = capacity.hold().toMillis();
        return (int) Math.min(capacity.levels().size(), (endMs + 100) / hold);
    }

    private CapacityStep judge(int index, RunMetrics metrics) {
        long hold = capacity.hold().toMillis();
        long from = index * hold + capacity.settle().toMillis();
        long to = (index + 1) * hold;
        Map<String, List<IntervalHistograms>> intervals = new LinkedHashMap<>();
        Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
        MetricSnapshot all = null;
        long firstMs = Long.MAX_VALUE;
        long lastMs = Long.MIN_VALUE;
        for (String name : plan.intervalMetrics()) {
            List<IntervalHistograms> inStep = metrics.intervals(name).stream()
                    .filter(interval -> within(interval.startMs(), interval.endMs(), from, to)).toList();
            intervals.put(name, inStep);
            Histogram succeeded = IntervalHistograms.newSum();
            Histogram failed = IntervalHistograms.newSum();
            for (IntervalHistograms interval : inStep) {
                succeeded.add(interval.succeeded());
                failed.add(interval.failed());
                firstMs = Math.min(firstMs, interval.startMs());
                lastMs = Math.max(lastMs, interval.endMs());
            }
            long count = succeeded.getTotalCount() + failed.getTotalCount();
            MetricSnapshot snapshot = new MetricSnapshot(name, name.equals(MetricNames.ITERATION)
                    ? MetricKind.ITERATION : MetricKind.REQUEST, count, succeeded, failed, Map.of(), List.of());
            if (name.equals(MetricNames.ALL_REQUESTS)) {
                all = count == 0 ? null : snapshot;
            } else {
                byName.put(name, snapshot);
            }
        }
        RunMetrics step = new RunMetrics(byName, all, List.of(), List.of(), intervals);
        Duration judgedFor = Duration.ofMillis(firstMs <= lastMs ? lastMs - firstMs : to - from);
        List<BudgetResult> budgets = new ArrayList<>();
        for (Budget budget : plan.budgets()) {
            budgets.addAll(budget.evaluate(step, judgedFor));
        }
        MetricSnapshot total = all != null ? all : byName.get(MetricNames.ITERATION);
        double seconds = judgedFor.toNanos() / 1e9;
        double cpu = generatorCpu(metrics.timeSeries(), from, to);
        double[] missed = missed(from, to);
        String limit = null;
        if (missed[1] > 0 && missed[0] >= ScheduleStats.MIN_MISSED && missed[0] / missed[1] > ScheduleStats.TOLERANCE) {
            limit = Format.count((long) missed[0]) + " of " + Format.count((long) missed[1]) + " iterations ("
                    + Format.percent(missed[0] / missed[1]) + ") started late or never, allowed "
                    + Format.percent(ScheduleStats.TOLERANCE);
        } else if (cpu > RunOutcome.SATURATED_CPU) {
            limit = "this JVM used " + Format.percent(cpu) + " of all cores";
        }
        boolean any = total != null && total.ok() > 0;
        return new CapacityStep(capacity.levels().get(index), from, to,
                total == null || seconds <= 0 ? 0 : total.count() / seconds,
                any ? total.percentileMillis(50) : Double.NaN, any ? total.percentileMillis(95) : Double.NaN,
                any ? total.percentileMillis(99) : Double.NaN, total == null ? 0 : total.errorRate(),
                missed[1] == 0 ? 0 : missed[0] / missed[1], cpu, List.copyOf(budgets), limit);
    }

    /** Whether an interval's middle lies in {@code [from, to)}. */
    private static boolean within(long startMs, long endMs, long from, long to) {
        long middle = (startMs + endMs) / 2;
        return middle >= from && middle < to;
    }

    private static double generatorCpu(List<Interval> series, long from, long to) {
        double sum = 0;
        int known = 0;
        for (Interval interval : series) {
            if (within(interval.startMs(), interval.endMs(), from, to) && !Double.isNaN(interval.generatorCpu())) {
                sum += interval.generatorCpu();
                known++;
            }
        }
        return known == 0 ? Double.NaN : sum / known;
    }

    /** {@code {late or dropped, due}} of the iterations scheduled between {@code from} and {@code to}. */
    private double[] missed(long from, long to) {
        long[] start = {0, 0, 0, 0};
        long[] end = {0, 0, 0, 0};
        for (long[] point : schedule) {
            if (point[0] <= from + 500) {
                start = point;
            }
            if (point[0] <= to + 500) {
                end = point;
            }
        }
        return new double[] {(end[2] + end[3]) - (start[2] + start[3]), end[1] - start[1]};
    }
}
