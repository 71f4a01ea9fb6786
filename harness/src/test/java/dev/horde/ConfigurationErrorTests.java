package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.control.Step;
import dev.horde.control.UserController;
import dev.horde.internal.plan.Durations;
import dev.horde.store.UserStore;
import dev.horde.testing.Fixtures;
import dev.horde.user.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every bad input fails before any virtual user starts, with a message naming where, the value and what is allowed. */
class ConfigurationErrorTests {

    private static final String GRAMMAR =
            "use a number and a unit ms, s, m or h, e.g. \"250ms\", \"1.5s\", \"30s\", \"1m\", \"2h\".";
    private static final String RATES =
            "use a number > 0 per s, m or h, e.g. \"200/s\", \"90/m\" or \"2.5/s\".";
    static final AtomicInteger iterations = new AtomicInteger();

    @TempDir
    Path reports;

    static Stream<Arguments> badAnnotations() {
        return Stream.of(
                Arguments.of(ZeroUsers.class,
                        "@LoadTest on method [run()] must declare 'users' > 0 but was [0]."),
                Arguments.of(MissingDuration.class,
                        "@LoadTest on method [run()] must declare 'duration', the length of the run, e.g. duration = \"30s\","
                                + " or @Stage annotations."),
                Arguments.of(UnparsableDuration.class,
                        "@LoadTest on method [run()] has 'duration' [5 sec], which is not a duration: " + GRAMMAR),
                Arguments.of(ZeroDuration.class,
                        "@LoadTest on method [run()]: 'duration' [0s] must be > 0."),
                Arguments.of(RampLongerThanRun.class,
                        "@LoadTest on method [run()]: 'rampUp' [2s] is longer than 'duration' [1s]; users start within"
                                + " the run, so the ramp-up can be at most the duration."),
                Arguments.of(WarmUpAsLongAsRun.class,
                        "@LoadTest on method [run()]: 'warmUp' [1s] is not shorter than 'duration' [1s]; the warm-up is"
                                + " not measured, so it must leave part of the run to measure."),
                Arguments.of(NegativeIterations.class,
                        "@LoadTest on method [run()] must declare 'iterations' >= 0 (0 means no limit) but was [-1]."),
                Arguments.of(LatencyBudgetWithoutLimit.class,
                        "@LatencyBudget(metric = \"GET /x\") on method [run()] sets no limit: set at least one of p50,"
                                + " p90, p95, p99, p999, max, mean, e.g. p95 = \"250ms\"."),
                Arguments.of(UnparsableLatencyLimit.class,
                        "@LatencyBudget on method [run()] has 'p95' [fast], which is not a duration: " + GRAMMAR),
                Arguments.of(WindowShorterThanASecond.class,
                        "@LatencyBudget on method [run()] has 'window' [500ms], shorter than 1s: a window is made of"
                                + " the run's seconds; set at least \"1s\", or leave it empty to judge the whole run."),
                Arguments.of(UnparsableWindow.class,
                        "@ErrorBudget on method [run()] has 'window' [half a minute], which is not a duration: "
                                + GRAMMAR),
                Arguments.of(UnparsableAbortAfter.class,
                        "@LoadTest on method [run()] has 'abortAfter' [soon], which is not a duration: " + GRAMMAR),
                Arguments.of(CeilingBelowStart.class,
                        "@CapacityTest on method [run()] has 'ceiling' [5] below 'start' [10]: the load rises from"
                                + " start to ceiling."),
                Arguments.of(SettleAsLongAsHold.class,
                        "@CapacityTest on method [run()] has 'settle' [3s], not shorter than 'hold' [3s]: a step must"
                                + " leave time to judge."),
                Arguments.of(CapacityAndLoadTest.class,
                        "@CapacityTest on method [run()] is also a @LoadTest: a method is one or the other; remove"
                                + " one."),
                Arguments.of(RegressionWithoutLimit.class,
                        "@RegressionBudget on method [run()] sets no limit: set at least one of p50, p90, p95, p99,"
                                + " p999, mean, throughput, e.g. p95 = \"10%\"."),
                Arguments.of(RegressionNotAPercentage.class,
                        "@RegressionBudget on method [run()] has 'p95' [0.1], which is not a percentage: use a number"
                                + " and %, e.g. \"10%\"."),
                Arguments.of(NegativeLatencyLimit.class,
                        "@LatencyBudget on method [run()] has 'p99' [-5ms], which is negative: " + GRAMMAR),
                Arguments.of(ErrorRateAboveOne.class,
                        "@ErrorBudget on method [run()] must declare 'maxRate' from 0 to 1 (0.01 is 1%) but was [1.5]."),
                Arguments.of(NegativeErrorRate.class,
                        "@ErrorBudget(metric = \"iteration\") on method [run()] must declare 'maxRate' from 0 to 1"
                                + " (0.01 is 1%) but was [-0.1]."),
                Arguments.of(NegativeThroughput.class,
                        "@ThroughputBudget on method [run()] must declare 'min' >= 0 (requests per second) but was [-1.0]."),
                Arguments.of(BadClassLevelBudget.class,
                        "@LatencyBudget on class [BadClassLevelBudget] has 'max' [1 minute], which is not a duration: "
                                + GRAMMAR),
                Arguments.of(BudgetOnPlainTest.class,
                        "@LatencyBudget on method [plain()] has no effect: the method is not a @LoadTest. Add @LoadTest"
                                + " or remove the budget."),
                Arguments.of(ChaosShareAboveOne.class,
                        "@Chaos on method [run()] must declare 'abort' from 0 to 1 (0.05 is 5% of them) but was [1.5]."),
                Arguments.of(ChaosNegativeShare.class,
                        "@Chaos on method [run()] must declare 'dropWebSockets' from 0 to 1 (0.05 is 5% of them) but was"
                                + " [-0.1]."),
                Arguments.of(ChaosDelayNotADuration.class,
                        "@Chaos on method [run()] has 'delay' [fast], which is neither a duration nor a range: use a"
                                + " duration such as \"20ms\", or a range such as \"10ms..50ms\", durations being a"
                                + " number and a unit ms, s, m or h, e.g. \"250ms\", \"1.5s\", \"30s\", \"1m\", \"2h\"."),
                Arguments.of(ChaosDelayRangeReversed.class,
                        "@Chaos on method [run()] has 'delay' [50ms..10ms], a range from high to low: write the shorter"
                                + " duration first, e.g. \"10ms..50ms\"."),
                Arguments.of(ChaosSwitchingNothingOn.class,
                        "@Chaos on method [run()] switches nothing on: set 'delay', 'abort', 'malformed' or"
                                + " 'dropWebSockets', e.g. @Chaos(abort = 0.05)."),
                Arguments.of(ChaosOnPlainTest.class,
                        "@Chaos on method [plain()] has no effect: the method is not a @LoadTest. Add @LoadTest or remove"
                                + " @Chaos."),
                Arguments.of(StageOnPlainTest.class,
                        "@Stage on method [plain()] has no effect: the method is not a @LoadTest. Add @LoadTest or"
                                + " remove the stages."),
                Arguments.of(ClassBudgetWithoutLoadTest.class,
                        "@ErrorBudget on class [ClassBudgetWithoutLoadTest] has no effect: the class has no @LoadTest"
                                + " method. Add one or remove the budget."),
                Arguments.of(InterfaceUser.class,
                        "@LoadTest method [run(User)] has parameter [User user], but [dev.horde.user.User] is an"
                                + " interface: declare a concrete class implementing dev.horde.user.User so that each"
                                + " virtual user gets its own instance."),
                Arguments.of(UserWithoutDefaultConstructor.class,
                        "@LoadTest method [run(NeedsName)] has parameter [NeedsName user], but"
                                + " [dev.horde.ConfigurationErrorTests$NeedsName] has no constructor without parameters:"
                                + " add one so that each virtual user gets its own instance."),
                Arguments.of(AbstractController.class,
                        "@LoadTest on method [run(Walker)] names controller [Stepper], but"
                                + " [dev.horde.ConfigurationErrorTests$Stepper] is abstract: name a concrete class"
                                + " implementing dev.horde.control.UserController so that each virtual user gets its"
                                + " own controller."),
                Arguments.of(ControllerWithoutDefaultConstructor.class,
                        "@LoadTest on method [run(Walker)] names controller [NeedsSpeed], but"
                                + " [dev.horde.ConfigurationErrorTests$NeedsSpeed] has no constructor without"
                                + " parameters: add one so that each virtual user gets its own controller."),
                Arguments.of(ControllerWithoutUser.class,
                        "@LoadTest on method [run()] names controller [Walk], which drives users of type [Walker]:"
                                + " declare exactly one parameter of that type, the user it drives, but the method"
                                + " has 0."),
                Arguments.of(ControllerForAnotherUser.class,
                        "@LoadTest on method [run(Runner)] names controller [Walk], which drives users of type"
                                + " [Walker], but the method's user parameter is of type [Runner]."),
                Arguments.of(UnparsableRate.class,
                        "@LoadTest on method [run()] has 'rate' [fast], which is not a rate: " + RATES),
                Arguments.of(ZeroRate.class,
                        "@LoadTest on method [run()] has 'rate' [0/s], which is not a rate: " + RATES),
                Arguments.of(RateWithIterations.class,
                        "@LoadTest on method [run()] declares both a rate and 'iterations' [5]: in the open model"
                                + " iterations arrive at the rate until the end; remove 'iterations'."),
                Arguments.of(RateWithPacing.class,
                        "@LoadTest on method [run()] declares both a rate and 'pacing' [1s]: pacing spaces the"
                                + " iterations of each user in the closed model, a rate spaces all iterations in the open"
                                + " model; keep one."),
                Arguments.of(ZeroPacing.class,
                        "@LoadTest on method [run()] has 'pacing' [0ms], which must be > 0; leave it empty for"
                                + " back-to-back iterations."),
                Arguments.of(UnparsablePacing.class,
                        "@LoadTest on method [run()] has 'pacing' [1 sec], which is not a duration: " + GRAMMAR),
                Arguments.of(StagesAndDuration.class,
                        "@LoadTest on method [run()] declares @Stage and 'duration': the stages give the length and the"
                                + " ramps of the run; remove 'duration' and 'rampUp'."),
                Arguments.of(StageWithUsersAndRate.class,
                        "@Stage #1 on method [run()] sets both 'users' and 'rate': a stage gives users (closed model)"
                                + " or a rate (open model), e.g. @Stage(duration = \"30s\", users = 100)."),
                Arguments.of(StageWithNeither.class,
                        "@Stage #2 on method [run()] sets neither 'users' nor 'rate': a stage gives users (closed model)"
                                + " or a rate (open model), e.g. @Stage(duration = \"30s\", users = 100)."),
                Arguments.of(StagesMixingModels.class,
                        "@Stage #2 on method [run()] gives a rate but @Stage #1 gives users: all stages of a test give"
                                + " users (closed model) or all give a rate (open model)."),
                Arguments.of(StageWithNegativeUsers.class,
                        "@Stage #1 on method [run()] must declare 'users' >= 0 but was [-5]."),
                Arguments.of(StageWithBadDuration.class,
                        "@Stage #1 on method [run()] has 'duration' [a while], which is not a duration: " + GRAMMAR),
                Arguments.of(StageWithBadRate.class,
                        "@Stage #1 on method [run()] has 'rate' [100], which is not a rate: use a number >= 0 per s, m"
                                + " or h, e.g. \"200/s\", \"90/m\" or \"0/s\"."),
                Arguments.of(StagesOfNoLength.class,
                        "@Stage annotations on method [run()] last [0s] in all: give at least one stage a duration > 0."),
                Arguments.of(StagesWithoutUsers.class,
                        "@Stage annotations on method [run()] never rise above 0 users: give at least one stage"
                                + " users > 0."),
                Arguments.of(StagesAndRate.class,
                        "@LoadTest on method [run()] declares 'rate' and @Stage rates: the stages give the rate over"
                                + " time; remove 'rate'."),
                Arguments.of(TargetMetricWithoutPrometheus.class,
                        "@TargetMetric(name = \"cpu\") on method [run()] needs a Prometheus server to ask: set"
                                + " configuration parameter 'horde.prometheus.url', e.g."
                                + " -Dhorde.prometheus.url=http://127.0.0.1:9090 or in junit-platform.properties."),
                Arguments.of(TargetMetricWithBadLimit.class,
                        "@TargetMetric(name = \"cpu\") on method [run()] must declare 'max' as a number such as 0.25 or"
                                + " 1e6, a duration such as 250ms (compared in seconds), or a percentage such as 80%"
                                + " (compared as 0.8), or leave it empty, but was [fast]."),
                Arguments.of(TargetMetricMinAboveMax.class,
                        "@TargetMetric(name = \"cpu\") on method [run()] must declare 'min' [90%] at most 'max' [50%]."),
                Arguments.of(TargetMetricWithoutQuery.class,
                        "@TargetMetric(name = \"cpu\") on method [run()] must declare a 'query' in PromQL, e.g."
                                + " \"rate(process_cpu_seconds_total[30s])\", but it was blank."),
                Arguments.of(InnerClassUser.class,
                        "@LoadTest method [run(InnerUser)] has parameter [InnerUser user], but"
                                + " [dev.horde.ConfigurationErrorTests$InnerClassUser$InnerUser] is an inner class:"
                                + " make it static (or top-level) so that the harness can create it."));
    }

    @ParameterizedTest
    @MethodSource("badAnnotations")
    void rejectsBadAnnotation(Class<?> fixture, String expected) {
        iterations.set(0);

        EngineExecutionResults results = Fixtures.run(fixture, reports);

        assertThat(Fixtures.failureMessage(results)).isEqualTo("Configuration error: " + expected);
        assertThat(iterations).as("iterations run despite the error").hasValue(0);
    }

    static Stream<Arguments> badOverrides() {
        return Stream.of(
                Arguments.of("horde.users", "many",
                        "configuration parameter 'horde.users' must be a whole number > 0 but was [many]."),
                Arguments.of("horde.users", "-3",
                        "configuration parameter 'horde.users' must be a whole number > 0 but was [-3]."),
                Arguments.of("horde.prometheus", "metrics",
                        "configuration parameter 'horde.prometheus' must be a port from 0 to 65535 (0: any free one), or"
                                + " host:port, e.g. 9464 or 127.0.0.1:9464, but was [metrics]."),
                Arguments.of("horde.prometheus", "127.0.0.1:70000",
                        "configuration parameter 'horde.prometheus' must be a port from 0 to 65535 (0: any free one), or"
                                + " host:port, e.g. 9464 or 127.0.0.1:9464, but was [127.0.0.1:70000]."),
                Arguments.of("horde.dashboard", "yes",
                        "configuration parameter 'horde.dashboard' must be a port from 1 to 65535, true (any free port)"
                                + " or false, e.g. 8765, but was [yes]."),
                Arguments.of("horde.dashboard", "0",
                        "configuration parameter 'horde.dashboard' must be a port from 1 to 65535, true (any free port)"
                                + " or false, e.g. 8765, but was [0]."),
                Arguments.of("horde.dashboard.linger", "forever",
                        "configuration parameter 'horde.dashboard.linger' [forever], which is not a duration: use a"
                                + " number and a unit ms, s, m or h, e.g. \"250ms\", \"1.5s\", \"30s\", \"1m\", \"2h\"."),
                Arguments.of("horde.trace", "maybe",
                        "configuration parameter 'horde.trace' must be one of on, off (or true, false) but was [maybe]."),
                Arguments.of("horde.trace.link", "http://127.0.0.1:16686/trace",
                        "configuration parameter 'horde.trace.link' must be an http or https URL with {traceId} in it,"
                                + " e.g. http://127.0.0.1:16686/trace/{traceId}, but was [http://127.0.0.1:16686/trace]."),
                Arguments.of("horde.otlp", "grpc://127.0.0.1:4317",
                        "configuration parameter 'horde.otlp' must be an absolute http or https URL, e.g."
                                + " http://127.0.0.1:4318/v1/metrics, but was [grpc://127.0.0.1:4317]."),
                Arguments.of("horde.prometheus.url", "localhost:9090",
                        "configuration parameter 'horde.prometheus.url' must be an absolute http or https URL, e.g."
                                + " http://127.0.0.1:9090, but was [localhost:9090]."),
                Arguments.of("horde.unreachable.stopAfter", "never",
                        "configuration parameter 'horde.unreachable.stopAfter' must be a duration > 0, how long a run"
                                + " goes on while the target cannot be reached (" + Durations.GRAMMAR + "), or off, but"
                                + " was [never]."),
                Arguments.of("horde.users.factor", "0",
                        "configuration parameter 'horde.users.factor' must be a number > 0, e.g. 0.1, but was [0]."),
                Arguments.of("horde.users.factor", "ten",
                        "configuration parameter 'horde.users.factor' must be a number > 0, e.g. 0.1, but was [ten]."),
                Arguments.of("horde.duration", "soon",
                        "configuration parameter 'horde.duration' [soon], which is not a duration: " + GRAMMAR),
                Arguments.of("horde.duration", "500ms",
                        "@LoadTest on method [run()]: 'rampUp' [1s] is longer than configuration parameter"
                                + " 'horde.duration' [500ms]; users start within the run, so the ramp-up can be at most"
                                + " the duration."),
                Arguments.of("horde.rampUp", "-1s",
                        "configuration parameter 'horde.rampUp' [-1s], which is negative: " + GRAMMAR),
                Arguments.of("horde.warmUp", "1x",
                        "configuration parameter 'horde.warmUp' [1x], which is not a duration: " + GRAMMAR),
                Arguments.of("horde.grace", "later",
                        "configuration parameter 'horde.grace' [later], which is not a duration: " + GRAMMAR),
                Arguments.of("horde.request.timeout", "0s",
                        "configuration parameter 'horde.request.timeout' must be > 0 but was [0s]."),
                Arguments.of("horde.seed", "lucky",
                        "configuration parameter 'horde.seed' must be a whole number, as printed in a summary, but was"
                                + " [lucky]."),
                Arguments.of("horde.segment", "3/2",
                        "configuration parameter 'horde.segment' must be <index>/<count> with 1 <= index <= count, e.g."
                                + " \"2/8\" but was [3/2]."),
                Arguments.of("horde.segments", "0",
                        "configuration parameter 'horde.segments' must be a whole number > 0, the number of JVMs sharing"
                                + " each load test, but was [0]."),
                Arguments.of("horde.segments", "4",
                        "configuration parameter 'horde.segments' [4] takes this JVM's index from the environment"
                                + " variable JOB_COMPLETION_INDEX (from 0, set by a Kubernetes Indexed Job), which is not"
                                + " set: set it, or set horde.segment=<index>/4 instead."),
                Arguments.of("horde.startAt", "tomorrow",
                        "configuration parameter 'horde.startAt' must be an ISO-8601 instant in UTC, e.g."
                                + " 2026-12-02T10:00:00Z, but was [tomorrow]."),
                Arguments.of("horde.startAt", "2999-01-01T00:00:00Z",
                        "configuration parameter 'horde.startAt' [2999-01-01T00:00:00Z] is more than 1h ahead: load"
                                + " tests wait for it, so it must be sooner."),
                Arguments.of("horde.behind", "maybe",
                        "configuration parameter 'horde.behind' must be one of fail, warn but was [maybe]."),
                Arguments.of("horde.threads", "green",
                        "configuration parameter 'horde.threads' must be one of auto, virtual, platform but was [green]."),
                Arguments.of("horde.target", "localhost:8080",
                        "configuration parameter 'horde.target' must be an absolute http or https URL, e.g."
                                + " http://127.0.0.1:8080, but was [localhost:8080]."),
                Arguments.of("horde.target", "ftp://127.0.0.1/files",
                        "configuration parameter 'horde.target' must be an absolute http or https URL, e.g."
                                + " http://127.0.0.1:8080, but was [ftp://127.0.0.1/files]."),
                Arguments.of("horde.target", "http://exa mple.com",
                        "configuration parameter 'horde.target' must be an absolute http or https URL, e.g."
                                + " http://127.0.0.1:8080, but was [http://exa mple.com]."),
                Arguments.of("horde.progress", "often",
                        "configuration parameter 'horde.progress' [often], which is not a duration: " + GRAMMAR),
                Arguments.of("horde.generatorWarmUp", "soon",
                        "configuration parameter 'horde.generatorWarmUp' must be a duration, the longest the generator's"
                                + " warm-up may take (" + Durations.GRAMMAR + "), or off, but was [soon]."),
                Arguments.of("horde.generatorWarmUp", "-5s",
                        "configuration parameter 'horde.generatorWarmUp' must be a duration, the longest the generator's"
                                + " warm-up may take (" + Durations.GRAMMAR + "), or off, but was [-5s]."));
    }

    /** Bad inputs only the run can find: the test fails with a line that names them and what there is instead. */
    static Stream<Arguments> badInputsFoundByTheRun() {
        return Stream.of(
                Arguments.of(BudgetOnUnknownMetric.class,
                        "  p95 of GET /nowhere: no samples, budget 100 ms (recorded metrics: iteration)"),
                Arguments.of(ErrorBudgetOnUnknownMetric.class,
                        "  error rate of POST /typo: no samples, budget 1.0% (recorded metrics: iteration)"),
                Arguments.of(TargetThatIsNotAUrl.class,
                        "  user setup: IllegalArgumentException: base URI [localhost:8080] must be an absolute http or"
                                + " https URL, e.g. http://127.0.0.1:8080"));
    }

    @ParameterizedTest
    @MethodSource("badInputsFoundByTheRun")
    void namesBadInputsFoundByTheRun(Class<?> fixture, String expectedLine) {
        EngineExecutionResults results = Fixtures.run(fixture, reports);

        assertThat(Fixtures.failureMessage(results).lines()).contains(expectedLine);
    }

    @ParameterizedTest
    @MethodSource("badOverrides")
    void rejectsBadOverride(String key, String value, String expected) {
        iterations.set(0);

        EngineExecutionResults results = Fixtures.run(Valid.class, reports, Map.of(key, value));

        assertThat(Fixtures.failureMessage(results)).isEqualTo("Configuration error: " + expected);
        assertThat(iterations).hasValue(0);
    }

    @Test
    void rejectsABadRateOverride() {
        EngineExecutionResults results = Fixtures.run(ValidOpen.class, reports, Map.of("horde.rate", "1000"));

        assertThat(Fixtures.failureMessage(results)).isEqualTo("Configuration error: configuration parameter"
                + " 'horde.rate' [1000], which is not a rate: " + RATES);
        assertThat(iterations).hasValue(0);
    }

    @Test
    void rejectsVirtualThreadsWhereThereAreNone() {
        String expected = "Configuration error: configuration parameter 'horde.threads' is [virtual], but this JVM (Java "
                + Runtime.version().feature() + ") has no virtual threads: use Java 21 or later, or 'auto' or 'platform'.";

        EngineExecutionResults results = Fixtures.run(Valid.class, reports, Map.of("horde.threads", "virtual"));

        if (Runtime.version().feature() >= 21) {
            results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        } else {
            assertThat(Fixtures.failureMessage(results)).isEqualTo(expected);
        }
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class BudgetOnUnknownMetric {
        @LoadTest(users = 1, duration = "1s", iterations = 1)
        @LatencyBudget(metric = "GET /nowhere", p95 = "100ms")
        void run() {
        }
    }

    static class ErrorBudgetOnUnknownMetric {
        @LoadTest(users = 1, duration = "1s", iterations = 1)
        @ErrorBudget(metric = "POST /typo", maxRate = 0.01)
        void run() {
        }
    }

    /** A user whose client is given a target that is not a URL. */
    public static class MisdirectedUser implements dev.horde.user.User {
        dev.horde.http.HttpApi api;

        @Override
        public void setUp() {
            api = dev.horde.http.HttpApi.to("localhost:8080");
        }
    }

    static class TargetThatIsNotAUrl {
        @LoadTest(users = 1, duration = "1s")
        void run(MisdirectedUser user) {
        }
    }


    static class Valid {
        @LoadTest(users = 1, duration = "1s", rampUp = "1s", iterations = 1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ValidOpen {
        @LoadTest(rate = "10/s", duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsableRate {
        @LoadTest(rate = "fast", duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ZeroRate {
        @LoadTest(rate = "0/s", duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RateWithIterations {
        @LoadTest(rate = "10/s", duration = "1s", iterations = 5)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RateWithPacing {
        @LoadTest(rate = "10/s", duration = "1s", pacing = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ZeroPacing {
        @LoadTest(duration = "1s", pacing = "0ms")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsablePacing {
        @LoadTest(duration = "1s", pacing = "1 sec")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StagesAndDuration {
        @LoadTest(duration = "1s")
        @Stage(duration = "1s", users = 2)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StageWithUsersAndRate {
        @LoadTest
        @Stage(duration = "1s", users = 2, rate = "5/s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StageWithNeither {
        @LoadTest
        @Stage(duration = "1s", users = 2)
        @Stage(duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StagesMixingModels {
        @LoadTest
        @Stage(duration = "1s", users = 2)
        @Stage(duration = "1s", rate = "5/s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StageWithNegativeUsers {
        @LoadTest
        @Stage(duration = "1s", users = -5)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StageWithBadDuration {
        @LoadTest
        @Stage(duration = "a while", users = 2)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StageWithBadRate {
        @LoadTest
        @Stage(duration = "1s", rate = "100")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StagesOfNoLength {
        @LoadTest
        @Stage(duration = "0s", users = 2)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StagesWithoutUsers {
        @LoadTest
        @Stage(duration = "1s", users = 0)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class StagesAndRate {
        @LoadTest(rate = "5/s")
        @Stage(duration = "1s", rate = "5/s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ZeroUsers {
        @LoadTest(users = 0, duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class MissingDuration {
        @LoadTest(users = 1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsableDuration {
        @LoadTest(duration = "5 sec")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ZeroDuration {
        @LoadTest(duration = "0s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RampLongerThanRun {
        @LoadTest(duration = "1s", rampUp = "2s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class WarmUpAsLongAsRun {
        @LoadTest(duration = "1s", warmUp = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class NegativeIterations {
        @LoadTest(duration = "1s", iterations = -1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class LatencyBudgetWithoutLimit {
        @LoadTest(duration = "1s")
        @LatencyBudget(metric = "GET /x")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsableLatencyLimit {
        @LoadTest(duration = "1s")
        @LatencyBudget(p95 = "fast")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class WindowShorterThanASecond {
        @LoadTest(duration = "1s")
        @LatencyBudget(p95 = "1s", window = "500ms")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsableWindow {
        @LoadTest(duration = "1s")
        @ErrorBudget(maxRate = 0.01, window = "half a minute")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class UnparsableAbortAfter {
        @LoadTest(duration = "1s", abortOnBreach = true, abortAfter = "soon")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class CeilingBelowStart {
        @CapacityTest(start = "10", step = "1", ceiling = "5")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class SettleAsLongAsHold {
        @CapacityTest(start = "1", step = "1", ceiling = "2", hold = "3s", settle = "3s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class CapacityAndLoadTest {
        @CapacityTest(start = "1", step = "1", ceiling = "2")
        @LoadTest(duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RegressionWithoutLimit {
        @LoadTest(duration = "1s")
        @RegressionBudget
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class RegressionNotAPercentage {
        @LoadTest(duration = "1s")
        @RegressionBudget(p95 = "0.1")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class NegativeLatencyLimit {
        @LoadTest(duration = "1s")
        @LatencyBudget(p99 = "-5ms")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ErrorRateAboveOne {
        @LoadTest(duration = "1s")
        @ErrorBudget(maxRate = 1.5)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class NegativeErrorRate {
        @LoadTest(duration = "1s")
        @ErrorBudget(metric = "iteration", maxRate = -0.1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class TargetMetricWithoutPrometheus {
        @LoadTest(duration = "1s")
        @TargetMetric(name = "cpu", query = "process_cpu_usage", max = "50%")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class TargetMetricWithBadLimit {
        @LoadTest(duration = "1s")
        @TargetMetric(name = "cpu", query = "process_cpu_usage", max = "fast")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class TargetMetricMinAboveMax {
        @LoadTest(duration = "1s")
        @TargetMetric(name = "cpu", query = "process_cpu_usage", max = "50%", min = "90%")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class TargetMetricWithoutQuery {
        @LoadTest(duration = "1s")
        @TargetMetric(name = "cpu", query = " ")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class NegativeThroughput {
        @LoadTest(duration = "1s")
        @ThroughputBudget(min = -1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    @LatencyBudget(max = "1 minute")
    static class BadClassLevelBudget {
        @LoadTest(duration = "1s")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosShareAboveOne {
        @LoadTest(duration = "1s")
        @Chaos(abort = 1.5)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosNegativeShare {
        @LoadTest(duration = "1s")
        @Chaos(dropWebSockets = -0.1)
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosDelayNotADuration {
        @LoadTest(duration = "1s")
        @Chaos(delay = "fast")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosDelayRangeReversed {
        @LoadTest(duration = "1s")
        @Chaos(delay = "50ms..10ms")
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosSwitchingNothingOn {
        @LoadTest(duration = "1s")
        @Chaos
        void run() {
            iterations.incrementAndGet();
        }
    }

    static class ChaosOnPlainTest {
        @Test
        @Chaos(abort = 0.5)
        void plain() {
            iterations.incrementAndGet();
        }
    }

    static class StageOnPlainTest {
        @Test
        @Stage(duration = "1s", users = 2)
        @Stage(duration = "1s", users = 0)
        void plain() {
            iterations.incrementAndGet();
        }
    }

    static class BudgetOnPlainTest {
        @Test
        @LatencyBudget(p95 = "1s")
        void plain() {
            iterations.incrementAndGet();
        }
    }

    @ErrorBudget(maxRate = 0.01)
    static class ClassBudgetWithoutLoadTest {
        @Test
        void plain() {
            iterations.incrementAndGet();
        }
    }

    static class InterfaceUser {
        @LoadTest(duration = "1s")
        void run(User user) {
            iterations.incrementAndGet();
        }
    }

    static class NeedsName implements User {
        NeedsName(String name) {
        }
    }

    static class UserWithoutDefaultConstructor {
        @LoadTest(duration = "1s")
        void run(NeedsName user) {
            iterations.incrementAndGet();
        }
    }

    public static class Walker implements User {
    }

    public static class Runner implements User {
    }

    public static class Walk implements UserController<Walker> {
        @Override
        public Step<Walker> next(UserStore store, RandomGenerator random) {
            return new Step<>("walk", walker -> iterations.incrementAndGet(), Duration.ZERO);
        }
    }

    public abstract static class Stepper implements UserController<Walker> {
    }

    public static class NeedsSpeed extends Walk {
        NeedsSpeed(int speed) {
        }
    }

    static class AbstractController {
        @LoadTest(duration = "1s", controller = Stepper.class)
        void run(Walker walker) {
        }
    }

    static class ControllerWithoutDefaultConstructor {
        @LoadTest(duration = "1s", controller = NeedsSpeed.class)
        void run(Walker walker) {
        }
    }

    static class ControllerWithoutUser {
        @LoadTest(duration = "1s", controller = Walk.class)
        void run() {
        }
    }

    static class ControllerForAnotherUser {
        @LoadTest(duration = "1s", controller = Walk.class)
        void run(Runner runner) {
        }
    }

    static class InnerClassUser {
        class InnerUser implements User {
        }

        @LoadTest(duration = "1s")
        void run(InnerUser user) {
            iterations.incrementAndGet();
        }
    }
}
