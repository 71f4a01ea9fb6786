package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.MetricSnapshot;
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

    /** The statistic of {@code snapshot}, in milliseconds. */
    public double millis(MetricSnapshot snapshot) {
        return switch (this) {
            case MAX -> snapshot.maxMillis();
            case MEAN -> snapshot.meanMillis();
            default -> snapshot.percentileMillis(percentile);
        };
    }
}
