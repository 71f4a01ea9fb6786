package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The outcome of one limit on one metric.
 *
 * @param description the limit, e.g. {@code p95 of GET /api/posts/{id} <= 200 ms}
 * @param metric the metric checked ({@code *} for all requests)
 * @param quantity what was measured
 * @param statistic the latency statistic bounded; null unless {@code quantity} is {@link Quantity#LATENCY}
 * @param measured the measured value in the quantity's unit, NaN when the metric recorded no samples
 * @param limit the limit in the quantity's unit
 * @param passed whether the limit was kept
 * @param message what was measured against what limit, e.g.
 *     {@code p95 of GET /api/posts/{id} was 412 ms, budget 200 ms (n=18,204)}
 */
@API(status = INTERNAL, since = "0.1")
public record BudgetResult(String description, String metric, Quantity quantity, Statistic statistic, double measured,
        double limit, boolean passed, String message) {

    /** The unit of {@link #measured} and {@link #limit}. */
    public Unit unit() {
        return quantity.unit;
    }

    /**
     * Whether no annotation wrote this limit: the run's own checks that something succeeds (without an
     * {@code @ErrorBudget}) and that the schedule of intended starts was kept.
     */
    public boolean implicit() {
        return quantity == Quantity.SUCCEEDED || quantity == Quantity.SCHEDULE_MISSED;
    }

    /** How reports show the limit: its message, marked {@code (implicit)} when no annotation wrote it. */
    public String shown() {
        return implicit() ? message + " (implicit)" : message;
    }

    /** What a budget bounds. */
    public enum Quantity {
        /** A latency statistic, upper limit. */
        LATENCY("latency", Unit.MILLISECONDS),
        /** The share of failed samples, upper limit. */
        ERROR_RATE("errorRate", Unit.RATIO),
        /** Samples per second over the measured window, lower limit. */
        THROUGHPUT("throughput", Unit.PER_SECOND),
        /** The share of iterations started late or never, upper limit. */
        SCHEDULE_MISSED("scheduleMissed", Unit.RATIO),
        /** 1 when something succeeded, lower limit 1: a test without an error budget. */
        SUCCEEDED("succeeded", Unit.COUNT),
        /** The change of a statistic against a baseline run: an upper limit for latency, a lower one for throughput. */
        REGRESSION("regression", Unit.RATIO),
        /** The highest load a capacity search's steps held at, lower limit. */
        CAPACITY("capacity", Unit.LEVEL),
        /** A metric of the system under test from Prometheus, upper limit. */
        TARGET_MAX("targetMax", Unit.TARGET),
        /** A metric of the system under test from Prometheus, lower limit. */
        TARGET_MIN("targetMin", Unit.TARGET);

        private final String label;
        private final Unit unit;

        Quantity(String label, Unit unit) {
            this.label = label;
            this.unit = unit;
        }

        /** How the JSON summary names it: {@code latency}, {@code errorRate}, … */
        public String label() {
            return label;
        }
    }

    /** A unit of measured values and limits. */
    public enum Unit {
        MILLISECONDS("ms"),
        RATIO("ratio"),
        PER_SECOND("1/s"),
        COUNT("count"),
        /** The unit of a Prometheus query's values, seconds for durations. */
        TARGET("query"),
        /** A capacity search's load: users, or iterations per second. */
        LEVEL("level");

        private final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** {@code ms}, {@code ratio}, {@code 1/s}, {@code count}, {@code query} or {@code level}. */
        public String symbol() {
            return symbol;
        }
    }
}
