package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.TargetMetric;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One validated {@link TargetMetric}.
 *
 * @param name how reports name it, unique within the test
 * @param query the PromQL expression as written, with its placeholders
 * @param max the highest allowed value; null for none
 * @param min the lowest allowed value; null for none
 * @param over which value of the window the limits judge
 * @param where the annotation and where it is, for messages: {@code @TargetMetric(name = "cpu") on method [A.b]}
 */
@API(status = INTERNAL, since = "0.1")
public record TargetQuery(String name, String query, Limit max, Limit min, TargetMetric.Over over, String where) {

    /** Placeholder of the query for the measured window. */
    public static final String RANGE = "$__range";
    /** Placeholder of the query for the step. */
    public static final String INTERVAL = "$__interval";

    /** The query with {@link #RANGE} and {@link #INTERVAL} replaced by {@code range} and {@code step}. */
    public String expand(Duration range, Duration step) {
        return query.replace(RANGE, millis(range)).replace(INTERVAL, millis(step));
    }

    /** A PromQL duration: whole milliseconds, at least one. */
    private static String millis(Duration duration) {
        return Math.max(1, duration.toMillis()) + "ms";
    }
}
