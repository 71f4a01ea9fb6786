package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/** Receives each interval's histograms as they are drained, e.g. to write an HdrHistogram interval log. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface IntervalListener {

    /**
     * The histogram (microseconds) of the samples of {@code metric}, of {@code kind}, that succeeded (or, when
     * {@code failed}, failed) between {@code startMs} and {@code endMs} since the run started; valid during the call
     * only.
     */
    void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs, Histogram histogram);
}
