package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits on how much worse than a baseline run a metric may get: the same load test's JSON summary and HdrHistogram
 * log from an earlier run, found in the directory {@value LoadTest#BASELINE_PROPERTY_NAME} names (e.g. the main
 * branch's {@code target/horde}, recorded there or with {@value LoadTest#BASELINE_RECORD_PROPERTY_NAME}).
 *
 * <p>Each non-empty latency attribute is the allowed increase of that statistic as a percentage, e.g.
 * {@code p95 = "10%"}; {@link #throughput()} is the allowed drop. A change is a regression only when it exceeds the
 * allowance with 95% confidence (a bootstrap over both runs' seconds) and, for latency, exceeds {@link #floor()}, so
 * the noise of a shared CI machine does not fail the build. The message says both:
 * {@code p95 of GET /api/posts/{id}: 31.2 ms against a baseline of 24.0 ms (+30%, 95% CI +22%…+38%), allowed +10%}.
 *
 * <p>Without {@value LoadTest#BASELINE_PROPERTY_NAME}, or without this test in it, the test says so and these limits
 * are not judged ({@value LoadTest#BASELINE_MISSING_PROPERTY_NAME}{@code =fail} fails it instead). A baseline that ran
 * another plan (users, model, duration, ramp-up, warm-up, pacing, stages) fails the test before any user starts,
 * saying what differs.
 *
 * <p>Repeatable; on a {@link LoadTest} method, or on its class where it applies to every load test of the class.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(RegressionBudget.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface RegressionBudget {

    /** Metric name such as {@code "GET /api/posts/{id}"}; empty means every request. */
    String metric() default "";

    /** Allowed increase of the median, e.g. {@code "10%"}. */
    String p50() default "";

    /** Allowed increase of the 90th percentile. */
    String p90() default "";

    /** Allowed increase of the 95th percentile. */
    String p95() default "";

    /** Allowed increase of the 99th percentile. */
    String p99() default "";

    /** Allowed increase of the 99.9th percentile. */
    String p999() default "";

    /** Allowed increase of the mean. */
    String mean() default "";

    /** Allowed drop of the samples per second, e.g. {@code "5%"}. */
    String throughput() default "";

    /** A latency that grew by no more than this is never a regression, whatever the percentage: {@code "1ms"}. */
    String floor() default "1ms";

    /** Container of repeated {@link RegressionBudget}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated budgets. */
        RegressionBudget[] value();
    }
}
