package dev.horde.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.MetricNames;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricRegistryTests {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void samplesStartingBeforeTheWindowOrAfterItClosesAreDropped() {
        long measureFrom = System.nanoTime();
        MetricRegistry registry = new MetricRegistry(measureFrom - 1_000 * MS, measureFrom);
        Metric metric = registry.request("GET /a");

        metric.started(measureFrom - MS); // started during warm-up
        metric.recordSuccess(measureFrom - MS, measureFrom + 5 * MS);
        metric.started(measureFrom);
        metric.recordSuccess(measureFrom, measureFrom + 5 * MS);
        metric.started(measureFrom + MS);
        metric.recordFailure(measureFrom + MS, measureFrom + 9 * MS, "HTTP 500");
        registry.close();
        long late = metric.start(); // after the close: not counted
        metric.recordSuccess(late, late + MS);

        MetricSnapshot snapshot = registry.snapshot().find("GET /a").orElseThrow();
        assertThat(snapshot.sent()).isEqualTo(2);
        assertThat(snapshot.count()).isEqualTo(2);
        assertThat(snapshot.failed()).isEqualTo(1);
        assertThat(snapshot.errors()).containsExactly(java.util.Map.entry("HTTP 500", 1L));
        assertThat(snapshot.maxMillis()).as("the slowest success").isBetween(4.99, 5.01);
        assertThat(snapshot.failedLatencies().getMaxValue()).as("the failure's latency, µs").isBetween(7_990L, 8_010L);
    }

    @Test
    void samplesInFlightWhenTheWindowClosesEndAsOkOrCutOff() {
        MetricRegistry registry = new MetricRegistry(System.nanoTime(), System.nanoTime());
        Metric metric = registry.request("GET /a");
        long first = metric.start();
        long second = metric.start();
        long third = metric.start();

        registry.close();
        metric.recordSuccess(first, System.nanoTime()); // ended in the grace period: an ordinary success
        metric.recordFailure(second, System.nanoTime(), "HTTP 503"); // and an ordinary failure
        registry.cutOff();
        metric.recordFailure(third, System.nanoTime(), "interrupted"); // the run cut it off

        MetricSnapshot snapshot = registry.snapshot().find("GET /a").orElseThrow();
        assertThat(snapshot.sent()).isEqualTo(3);
        assertThat(snapshot.ok()).isEqualTo(1);
        assertThat(snapshot.failed()).isEqualTo(2);
        assertThat(snapshot.unfinished()).isZero();
        assertThat(snapshot.errors()).containsOnly(java.util.Map.entry("HTTP 503", 1L),
                java.util.Map.entry(FailureCause.CUT_OFF, 1L));
    }

    @Test
    void samplesThatNeverEndAreUnfinished() {
        MetricRegistry registry = new MetricRegistry(System.nanoTime(), System.nanoTime());
        Metric metric = registry.request("GET /a");
        metric.recordSuccess(metric.start(), System.nanoTime());
        metric.start(); // its thread was abandoned, or the JVM shut down

        MetricSnapshot snapshot = registry.snapshot().find("GET /a").orElseThrow();
        assertThat(snapshot.sent()).isEqualTo(2);
        assertThat(snapshot.ok()).isEqualTo(1);
        assertThat(snapshot.unfinished()).isEqualTo(1);
    }

    @Test
    void namesBeyondTheLimitAreCountedTogether() {
        MetricRegistry registry = new MetricRegistry(System.nanoTime(), System.nanoTime());
        int names = MetricRegistry.MAX_METRICS + 5; // e.g. "GET /items/" + id, concatenated
        for (int id = 0; id < names; id++) {
            Metric metric = registry.request("GET /items/" + id);
            metric.recordSuccess(metric.start(), System.nanoTime());
        }

        RunMetrics metrics = registry.snapshot();

        // the registry starts with "iteration" and "ws delivery" (unused, so not listed): 998 names, then the overflow
        assertThat(metrics.byName()).hasSize(MetricRegistry.MAX_METRICS);
        assertThat(metrics.find(MetricNames.OVERFLOW).orElseThrow().count()).isEqualTo(names - 998);
        assertThat(metrics.allRequests().count()).isEqualTo(names);
    }

    @Test
    void allRequestsCombineEveryRequestMetricButNotIterations() {
        MetricRegistry registry = new MetricRegistry(0, 0);
        registry.request("GET /a").recordSuccess(0, 2 * MS);
        registry.request("GET /b").recordFailure(0, 4 * MS, "timeout");
        registry.iteration().recordSuccess(0, 6 * MS);

        RunMetrics metrics = registry.snapshot();

        assertThat(metrics.byName()).containsOnlyKeys("GET /a", "GET /b", "iteration");
        assertThat(metrics.allRequests().count()).isEqualTo(2);
        assertThat(metrics.allRequests().failed()).isEqualTo(1);
        assertThat(metrics.find("*")).containsSame(metrics.allRequests());
        assertThat(metrics.find("GET /c")).isEmpty();
    }

    @Test
    void snapshotsAccumulate() {
        MetricRegistry registry = new MetricRegistry(0, 0);
        Metric metric = registry.request("GET /a");
        metric.recordSuccess(0, MS);
        registry.snapshot();
        metric.recordSuccess(0, MS);

        assertThat(registry.snapshot().find("GET /a").orElseThrow().count()).isEqualTo(2);
    }

    @Test
    void distinctCausesAreBounded() {
        MetricRegistry registry = new MetricRegistry(0, 0);
        Metric metric = registry.request("GET /a");
        for (int i = 0; i < FailureCounts.MAX_CAUSES + 10; i++) {
            metric.recordFailure(0, MS, "cause " + i);
        }

        MetricSnapshot snapshot = registry.snapshot().find("GET /a").orElseThrow();
        assertThat(snapshot.errors()).hasSize(FailureCounts.MAX_CAUSES + 1).containsEntry(FailureCounts.OTHER, 10L);
        assertThat(snapshot.failed()).isEqualTo(FailureCounts.MAX_CAUSES + 10);
    }

    @Test
    void latenciesBeyondAnHourAreClampedNotLost() {
        MetricRegistry registry = new MetricRegistry(0, 0);
        registry.request("GET /a").recordSuccess(0, TimeUnit.HOURS.toNanos(3));

        assertThat(registry.snapshot().find("GET /a").orElseThrow().maxMillis()).isBetween(3_599_000.0, 3_602_000.0);
    }

    @Test
    void theFirstFailureOfEachOfTheFirstCausesIsKept() {
        MetricRegistry registry = new MetricRegistry(0, 0);
        Metric metric = registry.iteration();
        for (int i = 0; i < 20; i++) {
            metric.sampleError("cause " + (i % 7), new IllegalStateException("n" + i));
        }

        assertThat(registry.snapshot().errorSamples()).hasSize(ErrorSamples.CAPACITY)
                .allSatisfy(sample -> assertThat(sample.stackTrace()).contains("IllegalStateException"));
    }
}
