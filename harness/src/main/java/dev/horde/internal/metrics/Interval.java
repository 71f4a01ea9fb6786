package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One point of a run's time series.
 *
 * @param startMs start of the interval, ms since the run started
 * @param endMs end of the interval, ms since the run started
 * @param activeUsers users iterating at the end of the interval
 * @param measured whether the interval lies after the warm-up (samples of the warm-up are not counted)
 * @param generatorCpu share of all cores this JVM used during the interval, from 0 to 1; NaN if unknown
 * @param machineCpu share of all cores in use by every process during the interval, from 0 to 1; NaN if unknown
 * @param metrics what each metric with samples recorded in it; {@code *} for all requests together
 */
@API(status = INTERNAL, since = "0.1")
public record Interval(long startMs, long endMs, int activeUsers, boolean measured, double generatorCpu,
        double machineCpu, List<IntervalStats> metrics) {
}
