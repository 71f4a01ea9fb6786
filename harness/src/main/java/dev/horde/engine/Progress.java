package dev.horde.engine;

import dev.horde.metrics.MetricRegistry;
import dev.horde.metrics.RunMetrics;
import dev.horde.plan.LoadPlan;

/**
 * Where a run stands.
 *
 * @param plan the run's plan
 * @param registry its metrics; read them with {@link #metrics()}
 * @param usersStarted users started so far
 * @param activeUsers users iterating now
 */
public record Progress(LoadPlan plan, MetricRegistry registry, int usersStarted, int activeUsers) {

    /** Every metric as of the last interval; drains nothing. */
    public RunMetrics metrics() {
        return registry.peek();
    }
}
