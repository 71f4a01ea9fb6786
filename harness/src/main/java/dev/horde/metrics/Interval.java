package dev.horde.metrics;

import java.util.List;

/**
 * One point of a run's time series.
 *
 * @param startMs start of the interval, ms since the run started
 * @param endMs end of the interval, ms since the run started
 * @param activeUsers users iterating at the end of the interval
 * @param measured whether the interval lies after the warm-up (samples of the warm-up are not counted)
 * @param generatorCpu share of all cores this JVM used during the interval, from 0 to 1; NaN if unknown
 * @param metrics what each metric with samples recorded in it; {@code *} for all requests together
 */
public record Interval(long startMs, long endMs, int activeUsers, boolean measured, double generatorCpu,
        List<IntervalStats> metrics) {
}
