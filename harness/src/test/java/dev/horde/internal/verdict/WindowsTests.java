package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.internal.engine.StopCondition;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Windows of a run judged from its interval histograms: exactly the statistic of every sample of the window, the worst
 * window deciding, and a budget broken for good stopping the run.
 */
class WindowsTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final long start = System.nanoTime();
    private final MetricRegistry registry = new MetricRegistry(start, start);
    private final Metric metric = registry.request("GET /a");
    private int seconds;

    @Test
    void everyWindowsPercentileIsTheExactPercentileOfItsSamples() {
        registry.keepIntervals(Set.of("GET /a"));
        SplittableRandom random = new SplittableRandom(7);
        List<Histogram> perSecond = new java.util.ArrayList<>();
        for (int second = 0; second < 12; second++) {
            Histogram expected = new Histogram(1, TimeUnit.HOURS.toMicros(1), 3);
            int slowest = second == 7 ? 900 : 40; // one slow second
            for (int i = 0; i < 200; i++) {
                long micros = 1_000 + random.nextLong(slowest * 1_000L);
                succeed(micros);
                expected.recordValue(micros);
            }
            perSecond.add(expected);
            drain();
        }
        WindowedBudget budget = new WindowedBudget(new LatencyLimit("GET /a", Statistic.P95, Duration.ofMillis(100)),
                Duration.ofSeconds(3), INTERVAL);

        BudgetResult result = budget.evaluate(registry.snapshot(), Duration.ofSeconds(seconds)).get(0);

        double worst = 0;
        for (int first = 0; first + 3 <= perSecond.size(); first++) {
            Histogram window = new Histogram(1, TimeUnit.HOURS.toMicros(1), 3);
            perSecond.subList(first, first + 3).forEach(window::add);
            worst = Math.max(worst, window.getValueAtPercentile(95) / 1_000.0);
        }
        assertThat(result.measured()).isEqualTo(worst);
        assertThat(result.passed()).isFalse();
        assertThat(result.description()).isEqualTo("p95 of GET /a <= 100 ms in every 3s window");
        assertThat(result.message()).contains(" (n=600) — the worst of 10 windows").contains("in the window ");
    }

    @Test
    void aBudgetOnIterationsOrAllRequestsByNameIsJudgedOnce() {
        registry.keepIntervals(Set.of("iteration", "*"));
        for (int second = 0; second < 3; second++) {
            succeed(2_000);
            drain();
        }
        for (String metric : List.of("iteration", "*")) {
            WindowedBudget budget = new WindowedBudget(new ErrorRateLimit(metric, 0.1), Duration.ofSeconds(1),
                    INTERVAL);
            assertThat(budget.evaluate(registry.snapshot(), Duration.ofSeconds(3))).as(metric).hasSize(1);
        }
    }

    @Test
    void aSecondWithNothingEndingIsAWindowOfZeroThroughputButNoLatency() {
        registry.keepIntervals(Set.of("GET /a"));
        for (int second = 0; second < 6; second++) {
            if (second != 3) {
                for (int i = 0; i < 10; i++) {
                    succeed(2_000);
                }
            }
            drain();
        }
        WindowedBudget throughput = new WindowedBudget(new ThroughputLimit("GET /a", 5, ""), Duration.ofSeconds(1),
                INTERVAL);
        WindowedBudget latency = new WindowedBudget(new LatencyLimit("GET /a", Statistic.MAX, Duration.ofMillis(5)),
                Duration.ofSeconds(1), INTERVAL);

        BudgetResult slowest = throughput.evaluate(registry.snapshot(), Duration.ofSeconds(6)).get(0);
        BudgetResult fastest = latency.evaluate(registry.snapshot(), Duration.ofSeconds(6)).get(0);

        assertThat(slowest.passed()).isFalse();
        assertThat(slowest.measured()).isZero();
        assertThat(slowest.message()).startsWith("throughput of GET /a in the window 3–4 s was 0/s (nothing ended)");
        assertThat(fastest.passed()).isTrue();
        assertThat(fastest.message()).contains("the worst of 5 windows");
    }

    @Test
    void aMaximumStopsTheRunAtTheFirstSampleAboveIt() {
        LatencyLimit max = new LatencyLimit("GET /a", Statistic.MAX, Duration.ofMillis(500));
        StopCondition watch = BudgetWatch.of(plan(List.of(max)));
        succeed(2_000);
        assertThat(watch.check(drain(), registry, Duration.ofSeconds(seconds))).isNull();

        succeed(600_000);
        assertThat(watch.check(drain(), registry, Duration.ofSeconds(seconds)))
                .startsWith("abortOnBreach: max of GET /a was 600 ms, budget 500 ms")
                .endsWith("— no later sample lowers a maximum");
    }

    @Test
    void aPercentileStopsTheRunOnlyWhenTheRestCouldNotMendIt() {
        LatencyLimit p95 = new LatencyLimit("GET /a", Statistic.P95, Duration.ofMillis(100));
        StopCondition watch = BudgetWatch.of(LoadPlan.builder("t").duration(Duration.ofSeconds(10))
                .budgets(List.of(p95)).abortOn(List.of(p95), Duration.ZERO).build());
        for (int i = 0; i < 90; i++) {
            succeed(2_000);
        }
        for (int i = 0; i < 10; i++) {
            succeed(300_000); // 10% slow: broken now, but 9 s more at 100/s could bury them
        }
        assertThat(watch.check(drain(), registry, Duration.ofSeconds(1))).isNull();

        for (int i = 0; i < 100; i++) {
            succeed(300_000); // now 110 of 200 are slow
        }
        assertThat(watch.check(drain(), registry, Duration.ofSeconds(2)))
                .startsWith("abortOnBreach: p95 of GET /a was 300 ms, budget 100 ms (n=200)")
                .contains("it stays broken even if the remaining 8s brought 1,600 more samples (2 × the highest"
                        + " rate so far, 100/s), all faster than the limit");
    }

    @Test
    void noBreachStopsTheRunBeforeAbortAfter() {
        LatencyLimit max = new LatencyLimit("GET /a", Statistic.MAX, Duration.ofMillis(500));
        StopCondition watch = BudgetWatch.of(LoadPlan.builder("t").duration(Duration.ofMinutes(1)).budgets(List.of(max))
                .abortOn(List.of(max), Duration.ofSeconds(10)).build());
        succeed(600_000);
        Interval interval = drain();

        assertThat(watch.check(interval, registry, Duration.ofSeconds(9))).isNull();
        assertThat(watch.check(interval, registry, Duration.ofSeconds(10))).isNotNull();
    }

    private LoadPlan plan(List<Budget> budgets) {
        return LoadPlan.builder("t").duration(Duration.ofMinutes(1)).budgets(budgets).abortOn(budgets, Duration.ZERO)
                .build();
    }

    private void succeed(long micros) {
        long begin = metric.start();
        metric.recordSuccess(begin, begin + micros * 1_000);
    }

    /** Closes the next second of the run. */
    private Interval drain() {
        seconds++;
        return registry.drainInterval(start + seconds * SECOND, 1, Double.NaN, Double.NaN, (a, b, c, d, e, f) -> {
        });
    }
}
