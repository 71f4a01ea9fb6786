package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadPlan;
import org.apiguardian.api.API;

/**
 * Where a run stands.
 *
 * @param plan the run's plan
 * @param registry its metrics; read them with {@link #metrics()}
 * @param usersStarted users started so far
 * @param activeUsers users iterating now
 * @param schedule the scheduled iterations so far (open model, paced users); null for a plan without a schedule
 */
@API(status = INTERNAL, since = "0.1")
public record Progress(LoadPlan plan, MetricRegistry registry, int usersStarted, int activeUsers,
        ScheduleStats schedule) {

    /** Every metric as of the last interval; drains nothing. */
    public RunMetrics metrics() {
        return registry.peek();
    }
}
