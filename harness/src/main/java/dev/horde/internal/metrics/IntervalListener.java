package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/** Receives each interval's histograms as they are drained, e.g. to write an HdrHistogram interval log. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface IntervalListener {

    /** What follows a metric's name for the histogram of its failed samples. */
    String FAILED = " (failed)";

    /**
     * The histogram (microseconds) of the samples of {@code metric} (successes; failures when the name ends with
     * {@value #FAILED}) between {@code startMs} and {@code endMs} since the run started;
     * valid during the call only.
     */
    void onHistogram(String metric, long startMs, long endMs, Histogram histogram);
}
