package dev.horde.metrics;

import org.HdrHistogram.Histogram;

/** Receives each interval's histograms as they are drained, e.g. to write an HdrHistogram interval log. */
@FunctionalInterface
public interface IntervalListener {

    /**
     * The histogram (microseconds) of {@code metric} between {@code startMs} and {@code endMs} since the run started;
     * valid during the call only.
     */
    void onHistogram(String metric, long startMs, long endMs, Histogram histogram);
}
