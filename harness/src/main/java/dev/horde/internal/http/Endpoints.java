package dev.horde.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricRegistry;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The request metrics of one base path, by path template and method, so that a request finds its metric with one
 * map lookup on the template it was written with and no string building.
 */
@API(status = INTERNAL, since = "0.1")
public final class Endpoints {

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

    private final MetricRegistry registry;
    private final String prefix;
    private final String basePath;
    private final ConcurrentHashMap<String, Metric[]> byTemplate = new ConcurrentHashMap<>();

    /** The metrics of requests under {@code basePath} to {@code target}, a named target (null for the default one). */
    public Endpoints(MetricRegistry registry, String target, String basePath) {
        this.registry = registry;
        this.prefix = target == null ? "" : target + ": ";
        this.basePath = basePath;
    }

    /** The metric {@code "METHOD /base-path/template"}, without query; {@code "target: METHOD …"} for a named one. */
    public Metric metric(String method, String template) {
        int slot = slot(method);
        if (slot < 0) {
            return registry.request(name(method, template));
        }
        Metric[] metrics = byTemplate.get(template);
        if (metrics == null) {
            if (byTemplate.size() >= MetricRegistry.MAX_METRICS) { // paths built by concatenation: cache no more
                return registry.request(name(method, template));
            }
            metrics = byTemplate.computeIfAbsent(template, t -> new Metric[METHODS.length]);
        }
        Metric metric = metrics[slot];
        if (metric == null) {
            metric = registry.request(name(method, template)); // a race only looks the same metric up twice
            metrics[slot] = metric;
        }
        return metric;
    }

    /** A metric under a name the caller chose. */
    public Metric named(String name) {
        return registry.request(name);
    }

    private String name(String method, String template) {
        return prefix + method + " " + MetricPaths.path(basePath, template);
    }

    private static int slot(String method) {
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i] == method) { // the constants HttpApi passes; other methods take the slow path
                return i;
            }
        }
        return -1;
    }
}
