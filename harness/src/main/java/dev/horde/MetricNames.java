package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The names of the metrics Horde records besides requests, for the {@code metric} attribute of the budgets:
 * {@code @LatencyBudget(metric = MetricNames.ITERATION, p99 = "500ms")}.
 *
 * <p>A request's metric is named {@code "METHOD /path/{template}"}, the path as the test wrote it, with its
 * placeholders and without scheme, host, port or query: {@code "GET /api/posts/{id}"}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MetricNames {

    /** Every request of every HTTP client, together: {@value}. The default metric of the budgets. */
    public static final String ALL_REQUESTS = "*";

    /** One call of the load test method (or one controller step), from its planned start: {@value}. */
    public static final String ITERATION = "iteration";

    /** One call of the load test method from the moment it began, without the wait for a late start: {@value}. */
    public static final String ITERATION_SERVICE = "iteration service";

    /** A virtual user's {@code setUp()}: {@value}. */
    public static final String USER_SETUP = "user setup";

    /** A virtual user's {@code tearDown()}: {@value}. */
    public static final String USER_TEARDOWN = "user teardown";

    /** The prefix of a controller step's metric: {@code "action post"} for a step named {@code post}. */
    public static final String ACTION_PREFIX = "action ";

    /** Opening a WebSocket connection, handshake included: {@value}. */
    public static final String WS_CONNECT = "ws connect";

    /** A WebSocket message exchange made with {@code roundTrip}, until its correlated reply: {@value}. */
    public static final String WS_ROUND_TRIP = "ws round trip";

    /** WebSocket connections dropped without the user closing them: {@value}. */
    public static final String WS_DISCONNECT = "ws disconnect";

    /** Incoming WebSocket messages the consumer failed on (counted only when it throws): {@value}. */
    public static final String WS_RECEIVE = "ws receive";

    /** From the moment a user sent a message until another user received it: {@value}. */
    public static final String WS_DELIVERY = "ws delivery";

    /** The delays {@link Chaos#delay()} added before requests: {@value}. */
    public static final String CHAOS_DELAY = "chaos delay";

    /** The requests {@link Chaos#abort()} abandoned mid-flight: {@value}. */
    public static final String CHAOS_ABORTED = "chaos aborted request";

    /** The requests {@link Chaos#malformed()} sent with a corrupted body: {@value}. */
    public static final String CHAOS_MALFORMED = "chaos malformed payload";

    /** The WebSocket connections {@link Chaos#dropWebSockets()} dropped without a close frame: {@value}. */
    public static final String CHAOS_DROPPED = "chaos dropped websocket";

    /**
     * Where samples under names beyond the first 1,000 of a run are counted: {@value}. A test that builds paths by
     * concatenation ({@code "/items/" + id}) instead of templates would otherwise make a metric per value.
     */
    public static final String OVERFLOW = "(names beyond the first 1,000)";

    private MetricNames() {
    }

    /** The metric of a controller step: {@code action("post")} is {@code "action post"}. */
    public static String action(String step) {
        return ACTION_PREFIX + step;
    }

    /**
     * The name {@code metric} carries for the named target {@code service}: {@code of("chat", WS_DELIVERY)} is
     * {@code "chat: ws delivery"}; {@code metric} itself when {@code service} is null (the default target).
     */
    public static String of(String service, String metric) {
        return service == null ? metric : service + ": " + metric;
    }
}
