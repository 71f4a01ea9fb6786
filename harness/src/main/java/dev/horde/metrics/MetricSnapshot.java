package dev.horde.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one metric recorded up to a point in time: all latencies (microseconds), how many samples failed, and
 * failures by cause, most frequent first. Immutable by convention: do not record into {@link #latencies()}.
 */
public record MetricSnapshot(
        String name, MetricKind kind, Histogram latencies, long failed, Map<String, Long> errors) {

    /** Samples recorded, failed ones included. */
    public long count() {
        return latencies.getTotalCount();
    }

    /** The fraction of samples that failed, 0 when there are none. */
    public double errorRate() {
        long count = count();
        return count == 0 ? 0 : (double) failed / count;
    }

    /** Latency at a percentile from 0 to 100, in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** Slowest sample in milliseconds. */
    public double maxMillis() {
        return latencies.getMaxValue() / 1_000.0;
    }

    /** Mean latency in milliseconds. */
    public double meanMillis() {
        return count() == 0 ? 0 : latencies.getMean() / 1_000.0;
    }

    /** Sums several snapshots into one named {@code name}, e.g. all requests together. */
    static MetricSnapshot combine(String name, MetricKind kind, Iterable<MetricSnapshot> parts) {
        Histogram sum = Metric.newHistogram();
        long failed = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        for (MetricSnapshot part : parts) {
            sum.add(part.latencies);
            failed += part.failed;
            part.errors.forEach((cause, n) -> errors.merge(cause, n, Long::sum));
        }
        return new MetricSnapshot(name, kind, sum, failed, FailureCounts.mostFrequentFirst(errors));
    }
}
