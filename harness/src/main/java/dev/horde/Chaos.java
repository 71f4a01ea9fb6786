package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes the virtual users of a {@link LoadTest} bad clients, to check that the target and its budgets hold up under
 * them: requests delayed, requests abandoned mid-flight, malformed payloads, WebSocket connections dropped. What
 * chaos does is counted apart from the target's own failures, under metrics of kind {@code chaos}:
 * <ul>
 * <li>{@value MetricNames#CHAOS_DELAY}: each delay added before a request (its "latency" is the delay);</li>
 * <li>{@value MetricNames#CHAOS_ABORTED}: requests sent and abandoned as soon as they were sent, before the answer (the target sees
 * a client that went away);</li>
 * <li>{@value MetricNames#CHAOS_MALFORMED}: requests sent with a corrupted body; a success when the target rejects it with a 4xx,
 * a failure when it accepts it ({@code accepted (HTTP 201)}), fails ({@code HTTP 500}) or drops the connection;</li>
 * <li>{@value MetricNames#CHAOS_DROPPED}: WebSocket connections the client dropped without a close frame.</li>
 * </ul>
 * An aborted or malformed request is an extra request (marked with the header {@code X-Horde-Chaos}), sent just
 * before the user's own, which then goes out as written: the user's flow, its request metrics, {@code *} and the budgets on them see only the target's answers to
 * good requests. A budget on a chaos metric checks the target's handling of bad ones, e.g.
 * {@code @ErrorBudget(metric = MetricNames.CHAOS_MALFORMED, maxRate = 0)}: every malformed payload was rejected with a 4xx.
 *
 * <p>Delays apply to both HTTP clients; aborts and malformed payloads to the lean client ({@link
 * dev.horde.http.HttpApi}); drops to {@link dev.horde.ws.WebSocketSession}. Choices are drawn from each user's random
 * generator, so {@code horde.seed} replays them. On the method, or on the class for all its load tests.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Chaos {


    /**
     * Added before every request: a fixed duration ({@code "20ms"}) or a range ({@code "10ms..50ms"}) from which
     * each delay is drawn uniformly. Empty (the default) adds none.
     */
    String delay() default "";

    /** The share of requests, from 0 to 1, preceded by a copy that is abandoned as soon as it was sent. */
    double abort() default 0;

    /** The share of requests with a body, from 0 to 1, preceded by a copy whose body is corrupted. */
    double malformed() default 0;

    /**
     * The share of WebSocket connections, from 0 to 1, that the client drops without a close frame, at a random
     * moment within a second of opening (at the user's first send after it); the user reconnects to send.
     */
    double dropWebSockets() default 0;
}
