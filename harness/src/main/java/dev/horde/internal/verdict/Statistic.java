package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/** A latency statistic a {@link LatencyLimit} can bound. */
@API(status = INTERNAL, since = "0.1")
public enum Statistic {
    P50("p50", 50),
    P90("p90", 90),
    P95("p95", 95),
    P99("p99", 99),
    P999("p99.9", 99.9),
    MAX("max", Double.NaN),
    MEAN("mean", Double.NaN);

    private final String label;
    private final double percentile;

    Statistic(String label, double percentile) {
        this.label = label;
        this.percentile = percentile;
    }

    /** The {@link dev.horde.LatencyBudget} attribute that sets a limit on it: {@code p95}, {@code p999}, {@code max}. */
    public String attribute() {
        return this == P999 ? "p999" : label;
    }

    /** How the statistic reads in messages: {@code p95}, {@code p99.9}, {@code max}, {@code mean}. */
    public String label() {
        return label;
    }

    /** The percentile from 0 to 100; NaN for {@link #MAX} and {@link #MEAN}. */
    double percentile() {
        return percentile;
    }

    /** The statistic of {@code latencies} (microseconds), in milliseconds. */
    public double millis(Histogram latencies) {
        double micros = switch (this) {
            case MAX -> latencies.getMaxValue();
            case MEAN -> latencies.getTotalCount() == 0 ? 0 : latencies.getMean();
            default -> latencies.getValueAtPercentile(percentile);
        };
        return micros / 1_000.0;
    }
}
