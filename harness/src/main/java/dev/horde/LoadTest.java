package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.control.UserController;
import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a JUnit test method into a load test: virtual users call the method in a loop, every request they make
 * is measured, and the test fails when a budget ({@link LatencyBudget}, {@link ErrorBudget},
 * {@link ThroughputBudget}) is broken.
 *
 * <p>The method body is one <em>iteration</em>. Each of {@link #users()} virtual users runs it again and again, on
 * its own thread (a virtual thread on JDK 21+), until {@link #duration()} is over or it has run
 * {@link #iterations()} times. Users start evenly spread over {@link #rampUp()}. Samples that start during
 * {@link #warmUp()} are not counted. Requests made through REST Assured or {@link dev.horde.http.HttpApi} on a virtual
 * user's thread are recorded automatically under {@code "METHOD /path-template"}; whole iterations under
 * {@code iteration}. {@link #rate()} switches to the open model, {@link #pacing()} paces users, and {@link Stage}
 * annotations shape the load over time.
 *
 * <p>A parameter whose type implements {@link dev.horde.user.User} receives one instance per virtual user, kept
 * across that user's iterations; other parameters are resolved once by JUnit and shared. The user's
 * {@link dev.horde.user.User#setUp() setUp} and {@link dev.horde.user.User#tearDown() tearDown} run once each, timed
 * as {@code user setup} and {@code user teardown}. With a {@link #controller()}, the controller drives that user
 * instead of the method body: each iteration is one step it chooses.
 *
 * <p>JUnit lifecycle methods ({@code @BeforeEach}, {@code @AfterEach}) run once around the whole load test, and
 * {@code @Timeout} bounds the whole run.
 *
 * <h2>Overrides</h2>
 * Configuration parameters ({@code -D} system properties or {@code junit-platform.properties}) change every load
 * test without editing code. Each override wins over the annotation:
 * <ul>
 * <li>{@value #USERS_PROPERTY_NAME}: users of every load test, a whole number &gt; 0;</li>
 * <li>{@value #USERS_FACTOR_PROPERTY_NAME}: a factor &gt; 0 applied to users after the above (rounded up, at
 * least 1), e.g. {@code 0.1} on pull requests;</li>
 * <li>{@value #DURATION_PROPERTY_NAME}, {@value #RAMP_UP_PROPERTY_NAME}, {@value #WARM_UP_PROPERTY_NAME}: durations
 * in the grammar below;</li>
 * <li>{@value #GRACE_PROPERTY_NAME}: how long in-flight iterations may finish after the end before they are
 * interrupted (default {@value #DEFAULT_GRACE});</li>
 * <li>{@value #REQUEST_TIMEOUT_PROPERTY_NAME}: the deadline of lean-client ({@link dev.horde.http.HttpApi}) requests,
 * the connect and read timeout of REST Assured requests that set none, and the limit of WebSocket connects and
 * replies (default {@value #DEFAULT_REQUEST_TIMEOUT});</li>
 * <li>{@value #THREADS_PROPERTY_NAME}: {@code auto} (virtual threads where available), {@code virtual} or
 * {@code platform};</li>
 * <li>{@value #SEED_PROPERTY_NAME}: the seed of every user's random generator, a whole number; each summary prints the
 * seed it ran with, so a run replays its random choices with the same value;</li>
 * <li>{@value #PROGRESS_PROPERTY_NAME}: how often a progress line is printed on runs at least twice as long (default
 * {@value #DEFAULT_PROGRESS}; {@code 0s} for never);</li>
 * <li>{@value #RATE_PROPERTY_NAME}: the arrival rate of open-model tests (those with a {@link #rate()}), e.g.
 * {@code 50/s};</li>
 * <li>{@value #BEHIND_PROPERTY_NAME}: {@code fail} (the default) or {@code warn}, what a run does whose iterations
 * started late or never beyond 1% of them;</li>
 * <li>{@value #INCONCLUSIVE_PROPERTY_NAME}: {@code skip} (the default) or {@code fail}, what a test does whose
 * latency, throughput or schedule budgets broke while the load generator was the limit (behind its schedule, or this
 * JVM above 90% of all cores): skipped as inconclusive, since the service was not measured, or failed;</li>
 * <li>{@value #TARGET_PROPERTY_NAME}: the system under test, an absolute http or https URL such as
 * {@code http://127.0.0.1:8080}: REST Assured's {@code baseURI}, {@code port} and {@code basePath} are set from it
 * for the run, and so is {@link dev.horde.user.UserEntity#api()}'s default;</li>
 * <li>{@value #GENERATOR_WARM_UP_PROPERTY_NAME}: the longest the test's own iterations may warm the load generator
 * up before the clock starts (default {@value #DEFAULT_GENERATOR_WARM_UP}; {@code off} for none); see
 * {@link dev.horde.internal.engine.GeneratorWarmUp};</li>
 * <li>{@value #UNREACHABLE_PROPERTY_NAME}: how long a run goes on while every request fails because the target
 * cannot be reached (refused, unknown host, no route) before it stops and fails saying so (default
 * {@value #DEFAULT_UNREACHABLE}; {@code off} runs the whole duration);</li>
 * <li>{@value #PROMETHEUS_PROPERTY_NAME}: a port, or {@code host:port}, where Prometheus scrapes Horde's meters
 * while the tests run (needs {@code io.micrometer:micrometer-registry-prometheus}); without it, meters go to the
 * registries of Micrometer's global registry, if any;</li>
 * <li>{@value #OTLP_PROPERTY_NAME}: an OTLP/HTTP metrics endpoint, such as an OpenTelemetry collector's
 * {@code http://127.0.0.1:4318/v1/metrics}, that Horde's meters are pushed to every second while the tests run
 * (needs {@code io.micrometer:micrometer-registry-otlp});</li>
 * <li>{@value #DASHBOARD_PROPERTY_NAME}: a port ({@code 8765}), or {@code true} for any free one, where a live page
 * shows the running test and the tests so far, on {@value #DASHBOARD_HOST_PROPERTY_NAME} (default 127.0.0.1); it
 * keeps serving after the last test for {@value #DASHBOARD_LINGER_PROPERTY_NAME} (default 0s);</li>
 * <li>{@value #TRACE_PROPERTY_NAME}: {@code on} (the default) or {@code off}, whether every request and WebSocket
 * handshake carries a W3C {@code traceparent} (each iteration one trace, each request a span of it);</li>
 * <li>{@value #TRACE_LINK_PROPERTY_NAME}: a link to a trace in your tracing UI, with {@code {traceId}} in it, e.g.
 * {@code http://127.0.0.1:16686/trace/{traceId}}: the trace ids in reports become links;</li>
 * <li>{@value #PROMETHEUS_URL_PROPERTY_NAME}: the Prometheus server that {@link TargetMetric}s ask, e.g.
 * {@code http://127.0.0.1:9090};</li>
 * <li>{@value #BASELINE_PROPERTY_NAME}: the report directory of an earlier run that {@link RegressionBudget}s compare
 * with; {@value #BASELINE_RECORD_PROPERTY_NAME}: a directory each test's summary and log are copied to, to be a
 * baseline later; {@value #BASELINE_MISSING_PROPERTY_NAME}: {@code warn} (the default) or {@code fail} when a test
 * with regression budgets has no baseline;</li>
 * <li>{@value #REPORT_DIR_PROPERTY_NAME}: where JSON summaries and HdrHistogram logs go (default
 * {@value #DEFAULT_REPORT_DIR});</li>
 * <li>{@value #JUNIT_DIR_PROPERTY_NAME}: where a JUnit XML report with a test case per budget goes, beside the build
 * tool's own (default {@code target/surefire-reports} in a Maven module, {@code build/test-results/test} in a Gradle
 * project), or {@code off}.</li>
 * </ul>
 *
 * <h2>Durations</h2>
 * A decimal number and a unit: {@code ms}, {@code s}, {@code m} or {@code h}, e.g. {@code "250ms"},
 * {@code "1.5s"}, {@code "30s"}, {@code "1m"}, {@code "2h"}. Anything else is a configuration error.
 *
 * <p>Any invalid value fails the test before the first virtual user starts, with a message that names the
 * annotation, the method, the attribute and the value.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("load")
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LoadTest {

    /** Configuration parameter that overrides {@link #users()}: {@value}. */
    String USERS_PROPERTY_NAME = "horde.users";
    /** Configuration parameter that scales users of every load test: {@value}. */
    String USERS_FACTOR_PROPERTY_NAME = "horde.users.factor";
    /** Configuration parameter that overrides {@link #duration()}: {@value}. */
    String DURATION_PROPERTY_NAME = "horde.duration";
    /** Configuration parameter that overrides {@link #rampUp()}: {@value}. */
    String RAMP_UP_PROPERTY_NAME = "horde.rampUp";
    /** Configuration parameter that overrides {@link #warmUp()}: {@value}. */
    String WARM_UP_PROPERTY_NAME = "horde.warmUp";
    /** Configuration parameter for the stop grace period: {@value}. */
    String GRACE_PROPERTY_NAME = "horde.grace";
    /** Default stop grace period: {@value}. */
    String DEFAULT_GRACE = "5s";
    /** Configuration parameter for the default REST Assured request timeout: {@value}. */
    String REQUEST_TIMEOUT_PROPERTY_NAME = "horde.request.timeout";
    /** Default request timeout: {@value}. */
    String DEFAULT_REQUEST_TIMEOUT = "30s";
    /** Configuration parameter choosing the kind of thread a virtual user runs on: {@value}. */
    String THREADS_PROPERTY_NAME = "horde.threads";
    /** Configuration parameter fixing the seed of the users' random generators: {@value}. */
    String SEED_PROPERTY_NAME = "horde.seed";
    /** Configuration parameter for the interval of progress lines: {@value}. */
    String PROGRESS_PROPERTY_NAME = "horde.progress";
    /** Default interval of progress lines: {@value}. */
    String DEFAULT_PROGRESS = "5s";
    /** Configuration parameter that overrides {@link #rate()} of open-model tests: {@value}. */
    String RATE_PROPERTY_NAME = "horde.rate";
    /** Configuration parameter deciding what a run that fell behind its schedule does, {@code fail} or {@code warn}: {@value}. */
    String BEHIND_PROPERTY_NAME = "horde.behind";
    /**
     * Configuration parameter deciding what a test does whose budgets broke while the load generator was the limit,
     * {@code skip} (the default: aborted as inconclusive) or {@code fail}: {@value}.
     */
    String INCONCLUSIVE_PROPERTY_NAME = "horde.inconclusive";
    /** Configuration parameter naming the system under test, an absolute http or https URL: {@value}. */
    String TARGET_PROPERTY_NAME = "horde.target";
    /**
     * Configuration parameter for the longest the test's own iterations may warm the load generator up before the
     * clock starts, a duration, or {@code off}: {@value}.
     */
    String GENERATOR_WARM_UP_PROPERTY_NAME = "horde.generatorWarmUp";
    /** Default cap of the generator's warm-up: {@value}. */
    String DEFAULT_GENERATOR_WARM_UP = "30s";
    /**
     * Configuration parameter for how long a run whose every request found the target unreachable goes on before it
     * stops, a duration, or {@code off}: {@value}.
     */
    String UNREACHABLE_PROPERTY_NAME = "horde.unreachable.stopAfter";
    /** Default of {@link #UNREACHABLE_PROPERTY_NAME}: {@value}. */
    String DEFAULT_UNREACHABLE = "3s";
    /**
     * Configuration parameter that serves Horde's meters for Prometheus at {@code http://<host>:<port>/metrics} while
     * the tests run: a port ({@code 9464}; host 127.0.0.1) or {@code host:port}; 0 for a free port: {@value}.
     */
    String PROMETHEUS_PROPERTY_NAME = "horde.prometheus";
    /**
     * Configuration parameter that pushes Horde's meters over OTLP/HTTP while the tests run, an http(s) URL such as
     * {@code http://127.0.0.1:4318/v1/metrics}: {@value}.
     */
    String OTLP_PROPERTY_NAME = "horde.otlp";
    /**
     * Configuration parameter that serves a live page of the running tests at {@code http://127.0.0.1:<port>/}: a
     * port, {@code true} for any free one, or {@code false}: {@value}.
     */
    String DASHBOARD_PROPERTY_NAME = "horde.dashboard";
    /** Configuration parameter naming the address the live page listens on, default 127.0.0.1: {@value}. */
    String DASHBOARD_HOST_PROPERTY_NAME = "horde.dashboard.host";
    /** Configuration parameter: how long the live page keeps serving after the last test, a duration: {@value}. */
    String DASHBOARD_LINGER_PROPERTY_NAME = "horde.dashboard.linger";
    /** Configuration parameter: whether requests carry a W3C {@code traceparent}, on or off: {@value}. */
    String TRACE_PROPERTY_NAME = "horde.trace";
    /** Configuration parameter: a link to a trace, with {@code {traceId}} in it: {@value}. */
    String TRACE_LINK_PROPERTY_NAME = "horde.trace.link";
    /** Configuration parameter naming the Prometheus server that {@link TargetMetric}s ask, an http(s) URL: {@value}. */
    String PROMETHEUS_URL_PROPERTY_NAME = "horde.prometheus.url";
    /**
     * Configuration parameter for the directory of the JUnit XML reports with a test case per budget, or {@code off}
     * (default: {@code target/surefire-reports} in a Maven module, {@code build/test-results/test} in a Gradle
     * project, none elsewhere): {@value}.
     */
    String JUNIT_DIR_PROPERTY_NAME = "horde.junit.dir";
    /** Configuration parameter naming the report directory of a baseline run for regression budgets: {@value}. */
    String BASELINE_PROPERTY_NAME = "horde.baseline";
    /**
     * Configuration parameter naming a directory each load test's summary and log are copied to, as a baseline:
     * {@value}.
     */
    String BASELINE_RECORD_PROPERTY_NAME = "horde.baseline.record";
    /**
     * Configuration parameter deciding what a test with {@link RegressionBudget}s does without a baseline,
     * {@code warn} (the default) or {@code fail}: {@value}.
     */
    String BASELINE_MISSING_PROPERTY_NAME = "horde.baseline.missing";
    /**
     * Configuration parameter making this JVM run one share of every load test, {@code <index>/<count>} such as
     * {@code 2/8}; the merge of all shares' reports is judged: {@value}.
     */
    String SEGMENT_PROPERTY_NAME = "horde.segment";
    /**
     * Configuration parameter giving the number of shares while the index comes from the environment variable
     * {@code JOB_COMPLETION_INDEX} (from 0, as a Kubernetes Indexed Job sets it): {@value}.
     */
    String SEGMENTS_PROPERTY_NAME = "horde.segments";
    /**
     * Configuration parameter: the ISO-8601 instant at which every share starts, e.g. {@code 2026-12-02T10:00:00Z}:
     * {@value}.
     */
    String START_AT_PROPERTY_NAME = "horde.startAt";
    /** Configuration parameter for the directory of JSON summaries: {@value}. */
    String REPORT_DIR_PROPERTY_NAME = "horde.report.dir";
    /** Default directory of JSON summaries, relative to the working directory: {@value}. */
    String DEFAULT_REPORT_DIR = "target/horde";

    /**
     * Concurrent virtual users, &gt; 0; 1 when not set. With a {@link #rate()}: the pool of users that runs the
     * arriving iterations, so the most iterations in flight at once; size it above rate × iteration time, or iterations
     * start late. Not set with a rate: a pool for 2 s of arrivals at the peak rate (at most 10,000), which the
     * summary's header shows.
     */
    int users() default -1;

    /**
     * Switches to the open model: iterations arrive at this rate, e.g. {@code "200/s"}, {@code "90/m"}, whether or
     * not the target keeps up, and are run by a pool of {@link #users()}. An iteration that has to wait for a free
     * user is timed from when it should have started, so a slow target shows in {@code iteration} (its own duration
     * is {@code iteration service}); iterations that start more than 25 ms late or never are counted, and above 1% of
     * them (and at least 10) the run is behind its schedule: the test is skipped as inconclusive (or fails, with
     * {@code horde.inconclusive=fail}; or warns, with {@code horde.behind=warn}). With {@link #rampUp()}
     * the rate climbs from zero. Empty (the default) is the closed model.
     */
    String rate() default "";

    /**
     * Closed model: each user starts an iteration every {@code pacing} (e.g. {@code "1s"}), waiting out the rest of
     * the interval; an iteration that overruns makes the next one late, timed from when it should have started, and
     * intervals it overran entirely are counted as dropped. Empty (the default) is back to back.
     */
    String pacing() default "";

    /**
     * Length of the run, required: users stop starting new iterations at this point. With {@link #iterations()}
     * it is the deadline by which users must have finished.
     */
    String duration() default "";

    /** Time over which users start, evenly spread; at most {@link #duration()}. Empty means all at once. */
    String rampUp() default "";

    /** Initial part of the run whose samples are not counted; shorter than {@link #duration()}. */
    String warmUp() default "";

    /** Iterations per user, after which that user stops; {@code 0} (the default) means no limit. */
    int iterations() default 0;

    /**
     * A {@link UserController} that drives the method's {@link dev.horde.user.User} parameter instead of the method
     * body, which is then not called: each iteration is one step the controller chooses, timed as
     * {@code action <name>}, followed by its think time. One controller per user, created with its no-argument
     * constructor. {@code UserController.class} (the default) means none.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends UserController> controller() default UserController.class;

    /**
     * Stops the run as soon as any of its budgets is broken for good, and fails it with the results so far, marked
     * stopped early with the reason; a budget's own {@code abortOnBreach} does this for that budget alone. Broken for
     * good: a windowed budget one of whose windows broke; a {@code max} latency that a sample exceeded; a whole-run
     * percentile, mean, error rate or throughput that would stay broken even if the rest of the run brought samples at
     * twice the highest rate of any second so far, all succeeding faster than the limit. Checked every second.
     */
    boolean abortOnBreach() default false;

    /**
     * How much of the measured run must pass before a breach may stop it (see {@link #abortOnBreach()}), e.g.
     * {@code "20s"}; empty (the default): none.
     */
    String abortAfter() default "";
}
