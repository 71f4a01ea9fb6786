package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;
import org.apiguardian.api.API;

/**
 * The latencies (microseconds) one metric recorded during one measured interval, kept for budgets judged over windows
 * of the run. Stored packed: an interval's histogram takes memory for the values it holds, not for its whole range.
 *
 * @param startMs start of the interval, ms since the run started
 * @param endMs end of the interval, ms since the run started
 * @param succeeded the samples that succeeded
 * @param failed the samples that failed
 */
@API(status = INTERNAL, since = "0.1")
public record IntervalHistograms(long startMs, long endMs, Histogram succeeded, Histogram failed) {

    private static final Histogram EMPTY = packed(Metric.newHistogram());

    static IntervalHistograms of(long startMs, long endMs, Histogram succeeded, Histogram failed) {
        return new IntervalHistograms(startMs, endMs, packed(succeeded), packed(failed));
    }

    /** An interval in which the metric recorded nothing. */
    static IntervalHistograms empty(long startMs, long endMs) {
        return new IntervalHistograms(startMs, endMs, EMPTY, EMPTY);
    }

    /** An empty histogram with the range of every metric's, to sum intervals into. */
    public static Histogram newSum() {
        return Metric.newHistogram();
    }

    /** Samples in the interval, failed ones included. */
    public long count() {
        return succeeded.getTotalCount() + failed.getTotalCount();
    }

    private static Histogram packed(Histogram histogram) {
        PackedHistogram copy = new PackedHistogram(1, Metric.HIGHEST_TRACKABLE_MICROS, Metric.SIGNIFICANT_DIGITS);
        copy.add(histogram);
        return copy;
    }
}
