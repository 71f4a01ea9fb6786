package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.plan.Rates;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Whether a run applied the load it planned: at most {@link ScheduleStats#TOLERANCE} of the iterations with an
 * intended start (open model, paced users) may start late or never (fewer than {@link ScheduleStats#MIN_MISSED}
 * always pass).
 */
@API(status = INTERNAL, since = "0.1")
public final class ScheduleCheck {

    private ScheduleCheck() {
    }

    /** The check of {@code schedule} as a budget result. */
    public static BudgetResult of(LoadPlan plan, ScheduleStats schedule, RunMetrics metrics) {
        String description = "iterations late or dropped <= " + Format.percent(ScheduleStats.TOLERANCE);
        return new BudgetResult(description, MetricNames.ITERATION, BudgetResult.Quantity.SCHEDULE_MISSED, null,
                schedule.missedRatio(), ScheduleStats.TOLERANCE, !schedule.behind(), message(plan, schedule, metrics));
    }

    /**
     * {@code "schedule: 120 of 6,000 iterations (2.0%) started late (> 25 ms, the latest 950 ms), 0 never started,
     * allowed 1.0% — …"}.
     */
    public static String message(LoadPlan plan, ScheduleStats schedule, RunMetrics metrics) {
        StringBuilder text = new StringBuilder("schedule: ")
                .append(Format.count(schedule.late() + schedule.dropped())).append(" of ")
                .append(Format.count(schedule.due())).append(" iterations (")
                .append(Format.percent(schedule.missedRatio())).append(") started late (> ")
                .append(LoadPlan.LATE.toMillis()).append(" ms");
        if (schedule.late() > 0) {
            text.append(", the latest ").append(Format.millis(schedule.maxLag().toNanos() / 1e6));
        }
        text.append(") or never (").append(Format.count(schedule.dropped())).append("), allowed ")
                .append(Format.percent(ScheduleStats.TOLERANCE));
        if (schedule.behind()) {
            text.append(plan.model() == LoadModel.OPEN
                    ? " — the pool of " + Format.count(plan.users(), "user") + " could not keep the rate"
                            + poolNeeded(plan, metrics)
                            .map(needed -> ": " + needed + ", or find what slows iterations down")
                            .orElse(": raise 'users' or find what slows iterations down")
                    : " — iterations took longer than the pacing of " + plan.pacing().toMillis() + " ms");
        }
        return text.toString();
    }

    /**
     * What the pool of an open-model test needs: {@code "at 50/s and a mean iteration of 38 ms, 1.9 users are busy on
     * average; set users to at least 4"}, empty when no iteration ended or the test is not open-model.
     */
    public static Optional<String> poolNeeded(LoadPlan plan, RunMetrics metrics) {
        OptionalDouble mean = meanIterationSeconds(plan, metrics);
        if (mean.isEmpty()) {
            return Optional.empty();
        }
        double busy = peakRate(plan) * mean.getAsDouble();
        return Optional.of("at " + Rates.format(peakRate(plan)) + " and a mean iteration of "
                + Format.millis(mean.getAsDouble() * 1_000) + ", " + Format.number(busy)
                + " users are busy on average; set users to at least " + (long) Math.max(1, Math.ceil(2 * busy)));
    }

    /** Whether more than {@code share} of an open-model test's pool is busy on average at its peak rate. */
    public static boolean poolTooSmall(LoadPlan plan, RunMetrics metrics, double share) {
        OptionalDouble mean = meanIterationSeconds(plan, metrics);
        return mean.isPresent() && peakRate(plan) * mean.getAsDouble() > share * plan.users();
    }

    private static OptionalDouble meanIterationSeconds(LoadPlan plan, RunMetrics metrics) {
        Optional<MetricSnapshot> service = metrics.find(MetricNames.ITERATION_SERVICE);
        if (plan.model() != LoadModel.OPEN || service.isEmpty() || service.get().count() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(service.get().sumMillis() / service.get().count() / 1_000);
    }

    private static double peakRate(LoadPlan plan) {
        return plan.stages().stream().mapToDouble(PlannedStage::target).max().orElse(0);
    }

}
