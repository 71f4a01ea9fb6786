package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.internal.metrics.FailureCause;
import dev.horde.testing.Fixtures;
import dev.horde.user.User;
import io.restassured.path.json.JsonPath;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The extension driven through the JUnit engine: users, iterations, ramp-up, overrides, verdicts, summaries. */
class LoadTestExtensionTests {

    static final AtomicInteger iterations = new AtomicInteger();
    static final Map<Integer, Integer> iterationsPerInstance = new ConcurrentHashMap<>();
    static final List<Long> userStarts = new CopyOnWriteArrayList<>();

    @TempDir
    Path reports;

    @BeforeEach
    void reset() {
        iterations.set(0);
        iterationsPerInstance.clear();
        userStarts.clear();
    }

    @Test
    void eachUserRunsItsIterationsWithItsOwnUserObject() {
        EngineExecutionResults results = Fixtures.run(ThreeUsersFiveIterations.class, reports);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(iterations).hasValue(15);
        assertThat(iterationsPerInstance).hasSize(3).allSatisfy((instance, count) -> assertThat(count).isEqualTo(5));
        JsonPath summary = Fixtures.summary(reports, ThreeUsersFiveIterations.class, "run");
        assertThat(summary.getString("verdict")).isEqualTo("passed");
        assertThat(summary.getInt("metrics.iteration.count")).isEqualTo(15);
        assertThat(summary.getInt("run.usersStarted")).isEqualTo(3);
    }

    @Test
    void aMethodWithoutParametersRunsUntilTheDurationIsOver() {
        long start = System.nanoTime();

        EngineExecutionResults results = Fixtures.run(TwoUsersForHalfASecond.class, reports);

        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(iterations.get()).isGreaterThan(2);
        assertThat(elapsedMillis).isBetween(500L, 10_000L);
    }

    @Test
    void usersStartEvenlyOverTheRampUp() {
        Fixtures.run(FourUsersRampingOverASecond.class, reports)
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(userStarts).hasSize(4);
        List<Long> offsets = userStarts.stream().sorted().map(t -> (t - userStarts.stream().min(Long::compare).get()) / 1_000_000).toList();
        // planned at 0, 250, 500 and 750 ms: none early, in order (a loaded machine may start any of them late)
        assertThat(offsets).isSorted().doesNotHaveDuplicates();
        assertThat(offsets.get(1)).isGreaterThanOrEqualTo(150L);
        assertThat(offsets.get(2)).isGreaterThanOrEqualTo(400L);
        assertThat(offsets.get(3)).isGreaterThanOrEqualTo(650L);
    }

    @Test
    void failedIterationsAreCountedNotFatal() {
        EngineExecutionResults results = Fixtures.run(EveryThirdIterationFails.class, reports);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        JsonPath summary = Fixtures.summary(reports, EveryThirdIterationFails.class, "run");
        assertThat(summary.getInt("metrics.iteration.count")).isEqualTo(9);
        assertThat(summary.getInt("metrics.iteration.failed")).isEqualTo(3);
        assertThat(summary.getInt("metrics.iteration.errors['assertion failed: third']")).isEqualTo(3);
        assertThat(summary.getString("errorSamples[0].cause")).isEqualTo("assertion failed: third");
        assertThat(summary.getString("errorSamples[0].stackTrace")).contains("EveryThirdIterationFails.run");
    }

    @Test
    void everyBrokenBudgetIsListedWithMeasuredAgainstLimit() {
        EngineExecutionResults results = Fixtures.run(BreaksThreeBudgets.class, reports);

        String message = Fixtures.failureMessage(results);
        assertThat(message).startsWith("iterations failed: 4 of 8 iterations: IllegalStateException: odd user\n"
                + "3 of 4 budgets broken in BreaksThreeBudgets.run (2 users, 2s, 4 iterations per user):");
        assertThat(message).contains(
                "\n  error rate of iteration was 50.0% (4 of 8), budget 10.0% — 4 × IllegalStateException: odd user\n");
        assertThat(message).containsPattern("\n  throughput of iteration was [\\d.,]+/s \\(8 in [\\d.]+ s\\), budget at least 1,000,000/s");
        assertThat(message).contains("\n  p95 of GET /missing: no samples, budget 1,000 ms (recorded metrics: iteration)");
        assertThat(message).contains("\nFirst errors:\n  iteration: IllegalStateException: odd user");
        assertThat(message).doesNotContain("max of iteration");
    }

    @Test
    void theFirstErrorOfTheTestsOwnCodeIsTheCauseWithTheUsersLineOnTop() {
        EngineExecutionResults results = Fixtures.run(BreaksThreeBudgets.class, reports);

        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        Throwable cause = failure.getCause();
        assertThat(cause).hasMessage("java.lang.IllegalStateException: odd user").hasNoCause();
        assertThat(cause.getStackTrace()).as("an IDE or a test report jumps to the user's line").isNotEmpty();
        assertThat(cause.getStackTrace()[0].getClassName()).isEqualTo(BreaksThreeBudgets.class.getName());
        assertThat(cause.getStackTrace()[0].getMethodName()).isEqualTo("run");
        assertThat(cause.getStackTrace()).noneMatch(frame -> frame.getClassName().startsWith("dev.horde.internal."));
    }

    @Test
    void theSummaryIsWrittenWhenTheTestFails() {
        Fixtures.run(BreaksThreeBudgets.class, reports);

        JsonPath summary = Fixtures.summary(reports, BreaksThreeBudgets.class, "run");
        assertThat(summary.getString("test")).isEqualTo(BreaksThreeBudgets.class.getName() + ".run");
        assertThat(summary.getString("verdict")).isEqualTo("failed");
        assertThat(summary.getInt("plan.users")).isEqualTo(2);
        assertThat(summary.getString("plan.duration")).isEqualTo("2s");
        assertThat(summary.getString("plan.rampUp")).isEqualTo("0s");
        assertThat(summary.getList("budgets")).hasSize(4);
        assertThat(summary.getString("budgets[0].description")).isEqualTo("max of iteration <= 60,000 ms");
        assertThat(summary.getBoolean("budgets[0].passed")).isTrue();
        assertThat(summary.getString("budgets[0].quantity")).isEqualTo("latency");
        assertThat(summary.getString("budgets[0].statistic")).isEqualTo("max");
        assertThat(summary.getString("budgets[0].unit")).isEqualTo("ms");
        assertThat(summary.getString("budgets[1].metric")).isEqualTo("GET /missing");
        assertThat(summary.getString("budgets[1].measured")).isNull();
        assertThat(summary.getDouble("budgets[2].measured")).isEqualTo(0.5);
        assertThat(summary.getDouble("budgets[2].limit")).isEqualTo(0.1);
        assertThat(summary.getString("budgets[2].quantity")).isEqualTo("errorRate");
        assertThat(summary.getString("budgets[2].statistic")).isNull();
        assertThat(summary.getString("budgets[2].unit")).isEqualTo("ratio");
        for (String field : List.of("count", "failed", "rps", "p50Ms", "p90Ms", "p95Ms", "p99Ms", "p999Ms", "maxMs", "meanMs")) {
            assertThat(summary.getString("metrics.iteration." + field)).as(field).isNotNull();
        }
    }

    @Test
    void classLevelBudgetsApplyToEachLoadTestAndLeavePlainTestsAlone() {
        EngineExecutionResults results = Fixtures.run(ClassLevelBudget.class, reports);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(Fixtures.failureMessage(results))
                .contains("error rate of iteration was 100.0% (2 of 2), budget 0% — 2 × IllegalStateException: always");
    }

    @Test
    void nestedClassesInheritTheBudgetsOfTheirEnclosingClass() {
        EngineExecutionResults results = Fixtures.run(OuterBudget.class, reports);

        assertThat(Fixtures.failureMessage(results)).contains("error rate of iteration was 100.0% (1 of 1), budget 0%");
    }

    @Test
    void composedAnnotationsWork() {
        Fixtures.run(UsesComposedAnnotation.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(iterations).hasValue(6);
    }

    @Test
    void overridesReplaceUsersAndScaleThem() {
        Fixtures.run(ThreeUsersFiveIterations.class, reports, Map.of("horde.users", "4"));
        assertThat(iterationsPerInstance).hasSize(4);

        reset();
        Fixtures.run(ThreeUsersFiveIterations.class, reports, Map.of("horde.users", "10", "horde.users.factor", "0.25"));
        assertThat(iterationsPerInstance).as("10 × 0.25 rounded up").hasSize(3);

        reset();
        Fixtures.run(ThreeUsersFiveIterations.class, reports, Map.of("horde.users.factor", "0.01"));
        assertThat(iterationsPerInstance).as("never fewer than one user").hasSize(1);
    }

    @Test
    void durationOverrideShortensTheRun() {
        long start = System.nanoTime();

        Fixtures.run(RunsForAMinute.class, reports, Map.of("horde.duration", "300ms"))
                .testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        assertThat(Fixtures.summary(reports, RunsForAMinute.class, "run").getString("plan.duration")).isEqualTo("300ms");
    }

    @Test
    void aTimeoutInterruptsTheRunAndTheSummaryIsMarkedPartial() {
        long start = System.nanoTime();

        EngineExecutionResults results = Fixtures.run(TimesOut.class, reports);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
        JsonPath summary = Fixtures.summary(reports, TimesOut.class, "run");
        assertThat(summary.getBoolean("partial")).isTrue();
        assertThat(summary.getString("verdict")).isEqualTo("failed");
        assertThat(summary.getInt("metrics.iteration.count")).isPositive();
    }

    @Test
    void aBodyThatIgnoresTheEndIsInterruptedAfterTheGracePeriod() {
        long start = System.nanoTime();

        EngineExecutionResults results = Fixtures.run(BlocksUntilInterrupted.class, reports, Map.of("horde.grace", "200ms"));

        assertThat(Fixtures.failureMessage(results)).startsWith("iterations outlasted the run: 2 of 2 iterations: "
                + FailureCause.CUT_OFF + "\n1 implicit check broken in BlocksUntilInterrupted.run (2 users, 300ms):\n"
                + "  no iteration succeeded (0 of 2); with no @ErrorBudget a run fails when nothing succeeds (implicit)\n");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(20);
        JsonPath summary = Fixtures.summary(reports, BlocksUntilInterrupted.class, "run");
        assertThat(summary.getInt("run.usersNotStopped")).isZero();
        assertThat(summary.getInt("metrics.iteration.sent")).isEqualTo(2);
        assertThat(summary.getInt("metrics.iteration.failed")).as("iterations cut off at the end fail").isEqualTo(2);
        assertThat(summary.getMap("metrics.iteration.errors")).containsOnlyKeys(FailureCause.CUT_OFF);
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A virtual user's own object: counts its iterations. */
    static class CountingUser implements User {
        private static final AtomicInteger ids = new AtomicInteger();
        final int id = ids.incrementAndGet();
        int iterations;

        CountingUser() {
            userStarts.add(System.nanoTime());
        }
    }

    static class ThreeUsersFiveIterations {
        @LoadTest(users = 3, duration = "10s", iterations = 5)
        void run(CountingUser user) {
            iterations.incrementAndGet();
            iterationsPerInstance.put(user.id, ++user.iterations);
        }
    }

    static class TwoUsersForHalfASecond {
        @LoadTest(users = 2, duration = "500ms")
        void run() throws InterruptedException {
            iterations.incrementAndGet();
            TimeUnit.MILLISECONDS.sleep(10); // a stand-in for work: the loop must not spin
        }
    }

    static class FourUsersRampingOverASecond {
        @LoadTest(users = 4, duration = "1500ms", rampUp = "1s", iterations = 1)
        void run(CountingUser user) {
        }
    }

    static class EveryThirdIterationFails {
        @LoadTest(users = 1, duration = "10s", iterations = 9)
        @ErrorBudget(maxRate = 0.5)
        void run(CountingUser user) {
            if (++user.iterations % 3 == 0) {
                throw new AssertionError("third");
            }
        }
    }

    static class BreaksThreeBudgets {
        @LoadTest(users = 2, duration = "2s", iterations = 4)
        @LatencyBudget(metric = "iteration", max = "1m")
        @ErrorBudget(maxRate = 0.1)
        @ThroughputBudget(metric = "iteration", min = 1_000_000)
        @LatencyBudget(metric = "GET /missing", p95 = "1s")
        void run(CountingUser user) {
            if (user.id % 2 == 1) {
                throw new IllegalStateException("odd user");
            }
        }
    }

    @ErrorBudget(maxRate = 0)
    static class ClassLevelBudget {
        @LoadTest(users = 1, duration = "5s", iterations = 2)
        void run() {
            throw new IllegalStateException("always");
        }

        @Test
        void plain() {
        }
    }

    @ErrorBudget(maxRate = 0)
    static class OuterBudget {
        @Nested
        class Inner {
            @LoadTest(users = 1, duration = "5s", iterations = 1)
            void run() {
                throw new IllegalStateException("always");
            }
        }
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @LoadTest(users = 2, duration = "5s", iterations = 3)
    @interface SmallLoad {
    }

    static class UsesComposedAnnotation {
        @SmallLoad
        @ErrorBudget(maxRate = 0)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RunsForAMinute {
        @LoadTest(users = 1, duration = "1m")
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    static class TimesOut {
        @LoadTest(users = 1, duration = "1m")
        @Timeout(value = 500, unit = TimeUnit.MILLISECONDS)
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    static class BlocksUntilInterrupted {
        @LoadTest(users = 2, duration = "300ms")
        void run() throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await(); // a hung call that only an interrupt ends
        }
    }
}
