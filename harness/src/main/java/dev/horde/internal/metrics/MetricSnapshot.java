package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * What one metric recorded up to a point in time: how many samples started ({@code sent}), all latencies
 * (microseconds) of those that ended, how many failed, and failures by cause, most frequent first. Every started
 * sample ends as one success or one failure, so {@code sent == ok() + failed} once the run is over, unless the JVM
 * shut down or a user thread was abandoned with samples in flight ({@link #unfinished()}). Immutable by convention:
 * do not record into {@link #latencies()}.
 */
@API(status = INTERNAL, since = "0.1")
public record MetricSnapshot(
        String name, MetricKind kind, long sent, Histogram latencies, long failed, Map<String, Long> errors) {

    /** Samples that ended, failed ones included. */
    public long count() {
        return latencies.getTotalCount();
    }

    /** Samples that succeeded. */
    public long ok() {
        return count() - failed;
    }

    /** Samples that started and never ended: in flight when the JVM shut down or on a thread that was abandoned. */
    public long unfinished() {
        return Math.max(0, sent - count());
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
        long sent = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        for (MetricSnapshot part : parts) {
            sum.add(part.latencies);
            sent += part.sent;
            failed += part.failed;
            part.errors.forEach((cause, n) -> errors.merge(cause, n, Long::sum));
        }
        return new MetricSnapshot(name, kind, sent, sum, failed, FailureCounts.mostFrequentFirst(errors));
    }
}
