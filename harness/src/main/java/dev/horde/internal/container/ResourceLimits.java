package dev.horde.internal.container;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.TargetMetric;
import dev.horde.internal.prometheus.Limit;
import org.apiguardian.api.API;

/**
 * The limits of one {@link dev.horde.TargetResourceBudget}; null where it sets none.
 *
 * @param cpu highest CPU use, in cores
 * @param memory highest memory use, in bytes
 * @param throttled highest share of CPU periods throttled, a fraction
 * @param over which value of the window the limits judge
 * @param where the annotation and where it is, for messages
 */
@API(status = INTERNAL, since = "0.1")
public record ResourceLimits(Limit cpu, Limit memory, Limit throttled, TargetMetric.Over over, String where) {

    /** No limits: the resources are reported only. */
    public static final ResourceLimits NONE = new ResourceLimits(null, null, null, TargetMetric.Over.WORST, "");
}
