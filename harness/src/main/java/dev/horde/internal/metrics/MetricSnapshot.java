package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * What one metric recorded up to a point in time: how many samples started ({@code sent}), the latencies
 * (microseconds) of those that succeeded ({@code latencies}) and of those that failed ({@code failedLatencies}), and
 * failures by cause, most frequent first. Every started sample ends as one success or one failure, so
 * {@code sent == ok() + failed()} once the run is over, unless the JVM shut down or a user thread was abandoned with
 * samples in flight ({@link #unfinished()}). The latency statistics describe the samples that succeeded: a refused
 * connection answers fast and says nothing of how fast the target serves. Immutable by convention: do not record into
 * the histograms.
 */
@API(status = INTERNAL, since = "0.1")
public record MetricSnapshot(String name, MetricKind kind, long sent, Histogram latencies, Histogram failedLatencies,
        Map<String, Long> errors, List<TracedSample> slowest) {

    /** Samples that ended, failed ones included. */
    public long count() {
        return ok() + failed();
    }

    /** Samples that succeeded: those the latency statistics describe. */
    public long ok() {
        return latencies.getTotalCount();
    }

    /** Samples that failed. */
    public long failed() {
        return failedLatencies.getTotalCount();
    }

    /** Samples that started and never ended: in flight when the JVM shut down or on a thread that was abandoned. */
    public long unfinished() {
        return Math.max(0, sent - count());
    }

    /** The fraction of samples that failed, 0 when there are none. */
    public double errorRate() {
        long count = count();
        return count == 0 ? 0 : (double) failed() / count;
    }

    /** Latency of the samples that succeeded at a percentile from 0 to 100, in milliseconds. */
    public double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** Slowest sample that succeeded, in milliseconds. */
    public double maxMillis() {
        return latencies.getMaxValue() / 1_000.0;
    }

    /** Mean latency of the samples that succeeded, in milliseconds. */
    public double meanMillis() {
        return ok() == 0 ? 0 : latencies.getMean() / 1_000.0;
    }

    /** The latencies of every sample that ended, failed ones included, added up, in milliseconds. */
    public double sumMillis() {
        return (latencies.getMean() * ok() + failedLatencies.getMean() * failed()) / 1_000.0;
    }

    /** Sums several snapshots into one named {@code name}, e.g. all requests together. */
    static MetricSnapshot combine(String name, MetricKind kind, Iterable<MetricSnapshot> parts) {
        Histogram sum = Metric.newHistogram();
        Histogram failed = Metric.newHistogram();
        long sent = 0;
        Map<String, Long> errors = new LinkedHashMap<>();
        List<TracedSample> slowest = new ArrayList<>();
        for (MetricSnapshot part : parts) {
            slowest.addAll(part.slowest);
            sum.add(part.latencies);
            failed.add(part.failedLatencies);
            sent += part.sent;
            part.errors.forEach((cause, n) -> errors.merge(cause, n, Long::sum));
        }
        slowest.sort(Comparator.comparingLong(TracedSample::micros).reversed());
        return new MetricSnapshot(name, kind, sent, sum, failed, FailureCounts.mostFrequentFirst(errors),
                List.copyOf(slowest.subList(0, Math.min(SlowestSamples.KEPT, slowest.size()))));
    }
}
