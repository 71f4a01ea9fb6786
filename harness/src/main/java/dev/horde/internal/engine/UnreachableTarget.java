package dev.horde.internal.engine;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.plan.Durations;
import java.time.Duration;

/**
 * Watches the first seconds of a run for a target that cannot be reached: once every request measured for
 * {@code stopAfter} failed as refused, unknown host or no route, the run has nothing left to measure. A request that
 * succeeds, or fails any other way (the target answered), ends the watch. Called on the sampler thread.
 */
final class UnreachableTarget {

    private final Duration stopAfter;
    private boolean reached;

    UnreachableTarget(Duration stopAfter) {
        this.stopAfter = stopAfter;
    }

    /** Why the run should stop after {@code interval}, or null; {@code measured} is how long samples were counted. */
    String check(Interval interval, MetricRegistry metrics, Duration measured) {
        if (reached) {
            return null;
        }
        for (IntervalStats stats : interval.metrics()) {
            if (stats.metric().equals(MetricNames.ALL_REQUESTS) && stats.count() > stats.failed()) {
                reached = true;
                return null;
            }
        }
        if (measured.compareTo(stopAfter) < 0) {
            return null;
        }
        MetricSnapshot requests = metrics.peek().allRequests();
        if (requests == null || requests.count() == 0) {
            return null; // nothing sent yet: keep watching
        }
        if (requests.ok() > 0 || !requests.errors().keySet().stream().allMatch(FailureCause::unreachable)) {
            reached = true; // something answered, if only with an error: the target is there
            return null;
        }
        reached = true; // decided once
        return "the target was unreachable: all " + Format.count(requests.failed()) + " requests of the first "
                + Durations.format(measured) + " failed — " + FailureCause.summary(requests.errors());
    }
}
