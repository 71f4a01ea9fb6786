package dev.horde.internal.restassured;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.UserContext;
import dev.horde.internal.http.RequestMetrics;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.plan.NamedTargets;
import dev.horde.internal.trace.TraceContext;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A REST Assured filter, installed among the global filters, that records every request a virtual user makes under
 * {@code "METHOD /path-template"}, gives requests without timeouts the run's default one, and sends each user's
 * requests over its own keep-alive connection (see {@link RestAssuredClients}); the time recorded includes reading
 * the whole body. On threads that are not virtual users it only passes the request on.
 */
@API(status = INTERNAL, since = "0.1")
public final class RestAssuredRecorder implements Filter {

    static final String CONNECT_TIMEOUT = "http.connection.timeout";
    static final String READ_TIMEOUT = "http.socket.timeout";

    private static final RestAssuredRecorder INSTANCE = new RestAssuredRecorder();

    /** Per user thread: the last configuration seen and the one derived from it, so a request allocates none. */
    private static final ThreadLocal<TimeoutDefaults> DEFAULTS = new ThreadLocal<>();

    /** Load tests running now that installed the recorder; the last to end removes it. Guarded by the class. */
    private static int installs;

    private RestAssuredRecorder() {
    }

    /**
     * Adds the recorder to REST Assured's global filters unless it is there already. Requests specified with
     * {@code given()} from then on carry it; call it before virtual users start, and {@link #uninstall()} once they
     * have ended.
     */
    public static synchronized void install() {
        installs++;
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
            if (RestAssuredGroovy.PROBLEM != null) {
                System.err.println("horde: REST Assured requests will fail: " + RestAssuredGroovy.PROBLEM);
            }
        }
    }

    /** Removes the recorder from REST Assured's global filters when no load test that installed it still runs. */
    public static synchronized void uninstall() {
        if (installs > 0 && --installs == 0) {
            List<Filter> others = new ArrayList<>(RestAssured.filters());
            others.remove(INSTANCE);
            RestAssured.replaceFiltersWith(others);
        }
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        UserContext user = UserContext.get();
        if (user == null) {
            return context.next(request, response);
        }
        applyDefaultTimeouts(request, user);
        user.chaos().delay(); // the only chaos for REST Assured requests: aborts and malformed payloads are lean-client only
        RestAssuredClients.UserClient client = RestAssuredClients.assign(request, user);
        TraceContext trace = TraceContext.current();
        if (trace != null && !request.getHeaders().hasHeaderWithName(TraceContext.TRACEPARENT)) {
            request.header(TraceContext.TRACEPARENT, trace.nextRequest(request.getMethod(),
                    request.getUserDefinedPath() == null ? "" : request.getUserDefinedPath(), request.getBaseUri(),
                    request.getPort()));
            String state = trace.traceState();
            if (state != null) {
                request.header(TraceContext.TRACESTATE, state);
            }
        }
        Metric metric = RequestMetrics.of(user).endpoints(targetOf(request, user), request.getBasePath())
                .metric(request.getMethod(), request.getUserDefinedPath() == null ? "" : request.getUserDefinedPath());
        long start = metric.start();
        Response result;
        try {
            result = context.next(request, response);
            if (client != null) {
                result.asByteArray(); // keeps the body for the test, read to its end
                client.finish(); // reads what REST Assured never opened, which frees the connection
            }
        } catch (Throwable failure) { // Groovy throws checked exceptions (ConnectException, …) undeclared
            if (client != null) {
                client.abort();
            }
            String cause = FailureCause.ofRequest(failure, FailureCause.authority(request.getURI()));
            if (RestAssuredGroovy.PROBLEM != null && cause.startsWith(FailureCause.CLIENT_ERROR)) {
                cause = FailureCause.CLIENT_ERROR + ": " + RestAssuredGroovy.PROBLEM; // instead of a bare NullPointerException
            }
            metric.recordFailure(start, System.nanoTime(), cause, failure);
            if (trace != null) {
                trace.requestEnded(0, failure);
            }
            throw failure; // precise rethrow: only what next() can throw
        }
        long end = System.nanoTime();
        int status = result.statusCode();
        if (trace != null) {
            trace.requestEnded(status, null);
        }
        if (status >= 400) {
            String cause = FailureCause.httpStatus(status);
            metric.recordFailure(start, end, cause);
            if (metric.wantsErrorSample(cause)) {
                metric.sampleError(cause, new StatusFailure(metric.name(), status, result.asString()));
            }
        } else {
            metric.recordSuccess(start, end);
        }
        return result;
    }

    /** The named target {@code request} goes to, by its scheme, host, port and path; null for any other. */
    private static String targetOf(FilterableRequestSpecification request, UserContext user) {
        NamedTargets targets = user.scope().namedTargets();
        if (targets.byName().isEmpty()) {
            return null;
        }
        try {
            return targets.nameOf(URI.create(request.getURI()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void applyDefaultTimeouts(FilterableRequestSpecification request, UserContext user) {
        RestAssuredConfig config = request.getConfig();
        TimeoutDefaults defaults = DEFAULTS.get();
        if (defaults == null || defaults.given != config || defaults.user != user) {
            defaults = new TimeoutDefaults(config, withTimeouts(config, user), user);
            DEFAULTS.set(defaults);
        }
        if (defaults.derived != config) {
            request.config(defaults.derived);
        }
    }

    /** {@code config} with the user's request timeout wherever it sets no connect or read timeout of its own. */
    private static RestAssuredConfig withTimeouts(RestAssuredConfig config, UserContext user) {
        HttpClientConfig client = config.getHttpClientConfig();
        Map<String, ?> params = client.params();
        if (params.containsKey(CONNECT_TIMEOUT) && params.containsKey(READ_TIMEOUT)) {
            return config;
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, user.requestTimeout().toMillis());
        if (!params.containsKey(CONNECT_TIMEOUT)) {
            client = client.setParam(CONNECT_TIMEOUT, millis);
        }
        if (!params.containsKey(READ_TIMEOUT)) {
            client = client.setParam(READ_TIMEOUT, millis);
        }
        return config.httpClient(client);
    }

    private record TimeoutDefaults(RestAssuredConfig given, RestAssuredConfig derived, UserContext user) {
    }
}
