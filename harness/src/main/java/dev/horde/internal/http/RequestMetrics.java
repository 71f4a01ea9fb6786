package dev.horde.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.MetricRegistry;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The request metrics of one run, by named target and base path, shared by both HTTP clients: a request finds its
 * metric by target, base path, path as written and method, without building its name.
 */
@API(status = INTERNAL, since = "0.1")
public final class RequestMetrics {

    private final ConcurrentHashMap<String, Endpoints> byBasePath = new ConcurrentHashMap<>();
    private final MetricRegistry registry;

    private RequestMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /** The request metrics of {@code user}'s run. */
    public static RequestMetrics of(UserContext user) {
        return user.scope().shared(RequestMetrics.class, scope -> new RequestMetrics(user.metrics()));
    }

    /**
     * The metrics of requests under {@code basePath} (null or empty for none) to the named target {@code target}, or to
     * the default one when null.
     */
    public Endpoints endpoints(String target, String basePath) {
        String base = basePath == null ? "" : basePath;
        String key = target == null ? base : target + '\n' + base;
        Endpoints endpoints = byBasePath.get(key);
        return endpoints != null ? endpoints
                : byBasePath.computeIfAbsent(key, k -> new Endpoints(registry, target, base));
    }
}
