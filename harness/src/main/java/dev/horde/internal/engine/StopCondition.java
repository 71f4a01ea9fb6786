package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.MetricRegistry;
import java.time.Duration;
import org.apiguardian.api.API;

/** Decides, after each interval and on the sampler thread, whether a run must stop before its end. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface StopCondition {

    /** Never stops a run. */
    StopCondition NONE = (interval, metrics, measured) -> null;

    /**
     * Why the run must stop now, or null to go on.
     *
     * @param interval the interval just closed
     * @param metrics what the run recorded so far
     * @param measured how long samples have been counted
     */
    String check(Interval interval, MetricRegistry metrics, Duration measured);
}
