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
 * Upper limit on the fraction of failed samples.
 *
 * <p>With a {@link #metric()}, the limit applies to that metric. Without one, it applies both to all requests
 * together (when any were made) and to whole iterations, so a failed assertion in the test body counts too. A
 * request fails on an HTTP status of 400 or more or on a transport error (timeout, connection refused, reset, …);
 * an iteration fails when the method throws. A metric that recorded no samples breaks the budget.
 *
 * <p>A load test without any error budget still fails when no request (or no iteration) succeeded: its latencies
 * would describe a dead target or a broken test. {@code @ErrorBudget(maxRate = 1)} allows even that.
 *
 * <p>Repeatable; on a {@link LoadTest} method, or on its class where it applies to every load test of the class.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(ErrorBudget.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface ErrorBudget {

    /** Metric name; empty means every request and every iteration. */
    String metric() default "";

    /** Highest allowed fraction of failed samples, from 0 to 1 ({@code 0.01} is 1%). */
    double maxRate();

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

    /** Container of repeated {@link ErrorBudget}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated budgets. */
        ErrorBudget[] value();
    }
}
