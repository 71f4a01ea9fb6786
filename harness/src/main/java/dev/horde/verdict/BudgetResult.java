package dev.horde.verdict;

/**
 * The outcome of one limit on one metric.
 *
 * @param description the limit, e.g. {@code p95 of GET /api/posts/{id} <= 200 ms}
 * @param metric the metric checked ({@code *} for all requests)
 * @param measured the measured value in {@code unit}, NaN when the metric recorded no samples
 * @param limit the limit in {@code unit}
 * @param unit {@code ms}, {@code ratio} or {@code 1/s}
 * @param passed whether the limit was kept
 * @param message what was measured against what limit, e.g.
 *     {@code p95 of GET /api/posts/{id} was 412 ms, budget 200 ms (n=18,204)}
 */
public record BudgetResult(
        String description, String metric, double measured, double limit, String unit, boolean passed, String message) {
}
