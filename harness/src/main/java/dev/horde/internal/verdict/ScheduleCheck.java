package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
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
    public static BudgetResult of(LoadPlan plan, ScheduleStats schedule) {
        String description = "iterations late or dropped <= " + Format.percent(ScheduleStats.TOLERANCE);
        return new BudgetResult(description, MetricNames.ITERATION, BudgetResult.Quantity.SCHEDULE_MISSED, null,
                schedule.missedRatio(), ScheduleStats.TOLERANCE, !schedule.behind(), message(plan, schedule));
    }

    /**
     * {@code "schedule: 120 of 6,000 iterations (2.0%) started late (> 25 ms, the latest 950 ms), 0 never started,
     * allowed 1.0% — …"}.
     */
    public static String message(LoadPlan plan, ScheduleStats schedule) {
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
                    ? " — the pool of " + plan.users() + (plan.users() == 1 ? " user" : " users")
                            + " could not keep the rate: raise 'users' or find what"
                            + " slows iterations down"
                    : " — iterations took longer than the pacing of " + plan.pacing().toMillis() + " ms");
        }
        return text.toString();
    }
}
