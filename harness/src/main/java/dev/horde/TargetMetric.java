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
 * A metric of the system under test, read from a Prometheus server ({@value LoadTest#PROMETHEUS_URL_PROPERTY_NAME})
 * over the test's measured window and reported beside Horde's own metrics; with a {@link #max()} or {@link #min()} it
 * is a budget of the test, e.g. the service's own p95 or its CPU:
 *
 * <pre>{@code
 * @TargetMetric(name = "server p95", max = "250ms",
 *         query = "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket[30s])))")
 * }</pre>
 *
 * <p>The {@link #query()} is evaluated at every second of the measured window (a range query), after Prometheus
 * scraped its targets once more past the run's end. In it, {@code $__range} stands for the measured window (e.g.
 * {@code 57012ms}) and {@code $__interval} for the step. Before any user starts, the query is checked by Prometheus: a
 * server that cannot be reached or a query it refuses fails the test with its message. A budget whose query finds no
 * data, or whose server fails after the run, breaks, naming the query: it never passes silently.
 *
 * <p>Repeatable; on a {@link LoadTest} method, or on its class where it applies to every load test of the class.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(TargetMetric.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface TargetMetric {

    /** How reports and budgets name the metric, unique within a test, e.g. {@code "server p95"}. */
    String name();

    /** The PromQL expression; every series it returns is judged. */
    String query();

    /**
     * Highest allowed value, empty for none: a number in the query's unit ({@code "0.25"}), a duration compared in
     * seconds ({@code "250ms"}), or a percentage compared as a fraction ({@code "80%"}).
     */
    String max() default "";

    /** Lowest allowed value, empty for none; written as {@link #max()}. */
    String min() default "";

    /** Which value of the window a limit judges. */
    Over over() default Over.WORST;

    /** Which value of the measured window a limit judges. */
    enum Over {
        /** Every step's: the one farthest against the limit (highest for a max, lowest for a min). */
        WORST,
        /** The mean of the steps. */
        MEAN,
        /** The last step's: for a query over the whole window, such as one with {@code [$__range]}. */
        LAST
    }

    /** Container of repeated {@link TargetMetric}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated target metrics. */
        TargetMetric[] value();
    }
}
