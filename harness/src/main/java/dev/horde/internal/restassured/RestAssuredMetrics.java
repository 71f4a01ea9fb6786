package dev.horde.internal.restassured;

import dev.horde.internal.engine.UserContext;
import dev.horde.internal.http.Endpoints;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricRegistry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request metrics of REST Assured requests in one run, by base path, then path as written and method: a
 * request finds its metric without building its name. Run-scoped; holds nothing to close.
 */
final class RestAssuredMetrics implements AutoCloseable {

    private final ConcurrentHashMap<String, Endpoints> byBasePath = new ConcurrentHashMap<>();
    private final MetricRegistry registry;

    private RestAssuredMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The metric of a request by {@code user} with this method, base path and path as written. */
    static Metric of(UserContext user, String method, String basePath, String userPath) {
        RestAssuredMetrics metrics = user.scope().shared(RestAssuredMetrics.class, scope -> new RestAssuredMetrics(user.metrics()));
        String base = basePath == null ? "" : basePath;
        Endpoints endpoints = metrics.byBasePath.get(base);
        if (endpoints == null) {
            endpoints = metrics.byBasePath.computeIfAbsent(base, b -> new Endpoints(metrics.registry, b));
        }
        return endpoints.metric(method, userPath == null ? "" : userPath);
    }

    @Override
    public void close() {
    }
}
