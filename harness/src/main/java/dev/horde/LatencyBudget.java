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
 * Upper limits on the latency of one metric, or of every request when {@link #metric()} is empty.
 *
 * <p>Each non-empty attribute is a limit in the duration grammar of {@link LoadTest} (e.g. {@code "250ms"}); at
 * least one must be set. Percentiles are read from an HdrHistogram with three significant digits. A limit is
 * broken when the measured value is greater than it. A metric that recorded no samples breaks the budget.
 *
 * <p>Repeatable; on a {@link LoadTest} method, or on its class where it applies to every load test of the class.
 * On a method that is not a load test it is a configuration error, never silently ignored.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(LatencyBudget.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LatencyBudget {

    /** Metric name such as {@code "GET /api/posts/{id}"} or {@code "iteration"}; empty means every request. */
    String metric() default "";

    /** Limit on the median. */
    String p50() default "";

    /** Limit on the 90th percentile. */
    String p90() default "";

    /** Limit on the 95th percentile. */
    String p95() default "";

    /** Limit on the 99th percentile. */
    String p99() default "";

    /** Limit on the 99.9th percentile. */
    String p999() default "";

    /** Limit on the slowest sample. */
    String max() default "";

    /** Limit on the arithmetic mean. */
    String mean() default "";

    /**
     * Judges the limits over every window of this length (e.g. {@code "30s"}, at least {@code "1s"}) of the measured
     * run, sliding by a second, instead of over the whole of it: the worst window decides, judged exactly from the
     * merged histograms of its seconds, and the message names its time span. Empty (the default): the whole run.
     */
    String window() default "";

    /**
     * Stops the run as soon as this budget is broken for good (see {@link LoadTest#abortOnBreach()}), and fails it
     * with the results so far, marked stopped early.
     */
    boolean abortOnBreach() default false;

    /** Container of repeated {@link LatencyBudget}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated budgets. */
        LatencyBudget[] value();
    }
}
