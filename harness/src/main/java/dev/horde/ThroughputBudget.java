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
 * Lower limit on throughput: samples per second over the measured window (the run after its warm-up).
 *
 * <p>Without a {@link #metric()} it counts every request; name {@code "iteration"} to count whole iterations. A
 * metric that recorded no samples breaks the budget.
 *
 * <p>Repeatable; on a {@link LoadTest} method, or on its class where it applies to every load test of the class.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(ThroughputBudget.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ThroughputBudget {

    /** Metric name; empty means every request. */
    String metric() default "";

    /** Lowest allowed samples per second, &gt;= 0. */
    double min();

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

    /** Container of repeated {@link ThroughputBudget}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated budgets. */
        ThroughputBudget[] value();
    }
}
