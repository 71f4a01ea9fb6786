package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A latency budget judges the samples that succeeded and the failures slower than its limit: a fast failure says
 * nothing of how fast the target serves, a slow one made its user wait.
 */
class LatencyLimitTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final LatencyLimit P95_250_MS = new LatencyLimit("GET /a", Statistic.P95, Duration.ofMillis(250));

    private final long start = System.nanoTime();
    private final MetricRegistry registry = new MetricRegistry(start, start);
    private final Metric metric = registry.request("GET /a");

    @Test
    void samplesThatAllFailedFastBreakTheBudgetInsteadOfKeepingIt() {
        fail(2_067, 1, "connection refused (127.0.0.1:1)");

        BudgetResult result = evaluate();

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isNaN();
        assertThat(result.message()).isEqualTo("p95 of GET /a: no sample succeeded, budget 250 ms (all 2,067 failed"
                + " faster than the budget — 2,067 × connection refused (127.0.0.1:1); a failure that fast says nothing"
                + " of how fast the target serves)");
    }

    @Test
    void fastFailuresDoNotPullTheStatisticDown() {
        succeed(50, 300);
        fail(950, 1, "HTTP 503"); // counted, they would make p95 1 ms

        BudgetResult result = evaluate();

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isBetween(299.0, 301.0);
        assertThat(result.message()).isEqualTo("p95 of GET /a was 300 ms, budget 250 ms (n=50; 950 failed faster than"
                + " the budget, left to the error budget)");
    }

    @Test
    void failuresSlowerThanTheLimitCountAsTheWaitTheyWere() {
        succeed(90, 10);
        fail(10, 30_000, "timeout"); // counted, p95 of the 100 is 30 s; left out, it would be 10 ms

        BudgetResult result = evaluate();

        assertThat(result.passed()).isFalse();
        assertThat(result.measured()).isGreaterThan(29_000);
        assertThat(result.message()).endsWith("budget 250 ms (n=100; 10 failed slower than the budget, counted)");
    }

    @Test
    void successesWithinTheLimitKeepIt() {
        succeed(100, 100);

        BudgetResult result = evaluate();

        assertThat(result.passed()).isTrue();
        assertThat(result.message()).isEqualTo("p95 of GET /a was 100 ms, budget 250 ms (n=100)");
    }

    private BudgetResult evaluate() {
        return P95_250_MS.evaluate(registry.snapshot(), Duration.ofSeconds(10)).get(0);
    }

    private void succeed(int samples, long millis) {
        for (int i = 0; i < samples; i++) {
            long at = metric.start();
            metric.recordSuccess(at, at + millis * MS);
        }
    }

    private void fail(int samples, long millis, String cause) {
        for (int i = 0; i < samples; i++) {
            long at = metric.start();
            metric.recordFailure(at, at + millis * MS, cause);
        }
    }
}
