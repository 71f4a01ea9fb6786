package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.TargetMetric;
import dev.horde.internal.prometheus.Limit;
import dev.horde.internal.prometheus.TargetQuery;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the {@link TargetMetric}s of a load test, method first, then its class and the classes enclosing a
 * {@link Nested} one, as budgets are read.
 */
final class TargetMetricReader {

    private TargetMetricReader() {
    }

    /** The target metrics of {@code method}, validated; they need {@code prometheusUrl}. */
    static List<TargetQuery> read(Class<?> testClass, Method method, Optional<URI> prometheusUrl) {
        List<TargetQuery> queries = new ArrayList<>();
        read(method, "method [" + ConfigurationErrors.method(method) + "]", queries);
        for (Class<?> c = testClass; c != null;
                c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            read(c, "class [" + c.getSimpleName() + "]", queries);
        }
        if (!queries.isEmpty() && prometheusUrl.isEmpty()) {
            String property = LoadTest.PROMETHEUS_URL_PROPERTY_NAME;
            throw new LoadTestConfigurationException(queries.get(0).where() + " needs a Prometheus server to ask: set"
                    + " configuration parameter '" + property + "', e.g. -D" + property
                    + "=http://127.0.0.1:9090 or in junit-platform.properties.");
        }
        return List.copyOf(queries);
    }

    private static void read(AnnotatedElement element, String where, List<TargetQuery> queries) {
        Set<String> names = new HashSet<>();
        queries.forEach(query -> names.add(query.name()));
        for (TargetMetric metric : AnnotationSupport.findRepeatableAnnotations(element, TargetMetric.class)) {
            String name = metric.name().strip();
            String at = "@TargetMetric(name = \"" + name + "\") on " + where;
            if (name.isEmpty()) {
                throw new LoadTestConfigurationException("@TargetMetric on " + where + " must declare a 'name' that"
                        + " reports and budgets show, e.g. \"server p95\", but it was blank.");
            }
            if (!names.add(name)) {
                throw new LoadTestConfigurationException(at + " repeats the name of another target metric of the test;"
                        + " each needs its own 'name'.");
            }
            if (metric.query().isBlank()) {
                throw new LoadTestConfigurationException(at + " must declare a 'query' in PromQL, e.g. "
                        + "\"rate(process_cpu_seconds_total[30s])\", but it was blank.");
            }
            Limit max = limit(at, "max", metric.max());
            Limit min = limit(at, "min", metric.min());
            if (max != null && min != null && min.value() > max.value()) {
                throw new LoadTestConfigurationException(at + " must declare 'min' [" + min.written()
                        + "] at most 'max' [" + max.written() + "].");
            }
            queries.add(new TargetQuery(name, metric.query().strip(), max, min, metric.over(), at));
        }
    }

    private static Limit limit(String at, String attribute, String text) {
        if (text.isBlank()) {
            return null;
        }
        return Limit.parse(text).orElseThrow(() -> new LoadTestConfigurationException(at + " must declare '"
                + attribute + "' as " + Limit.GRAMMAR + ", or leave it empty, but was [" + text + "]."));
    }
}
