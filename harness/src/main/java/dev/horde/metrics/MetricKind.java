package dev.horde.metrics;

/** What a metric measures: a single request (or message, or step) or a whole iteration of the test body. */
public enum MetricKind {
    /** One request to the target; budgets without a metric name cover all of them together. */
    REQUEST,
    /** One call of the load test method by one virtual user. */
    ITERATION
}
