package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * What one metric recorded during one interval of the run.
 *
 * @param metric the metric's name ({@code *} for all requests together)
 * @param count samples in the interval
 * @param failed failed samples in the interval
 * @param p50Ms median latency of the samples that succeeded, ms (0 if none did)
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param maxMs slowest sample, ms
 */
@API(status = INTERNAL, since = "0.1")
public record IntervalStats(String metric, long count, long failed, double p50Ms, double p95Ms, double p99Ms,
        double maxMs) {

    static IntervalStats of(String metric, Histogram histogram, Histogram failed) {
        return new IntervalStats(metric, histogram.getTotalCount() + failed.getTotalCount(), failed.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(95) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getMaxValue() / 1e3);
    }
}
