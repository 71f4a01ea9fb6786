package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Notices request metrics whose names differ only in a path segment that looks like a value (a number, a UUID, a
 * 24-digit hex id): a path built by concatenation, {@code get("/api/posts/" + id)}, which makes a metric per value
 * and leaves a budget on the template with no samples. Says so as soon as the second value shows up, once per path
 * in the JVM (the generator's warm-up and the run of a test see the same paths).
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcretePaths {

    private static final Pattern VALUE = Pattern.compile(
            "\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{24}");
    /** At most this many paths are warned about while tests run, and in a summary. */
    static final int MAX_WARNINGS = 3;

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private final Map<String, String> firstByTemplate = new ConcurrentHashMap<>();
    private final Consumer<String> warn;

    ConcretePaths(Consumer<String> warn) {
        this.warn = warn;
    }

    /** A request metric named {@code name} was created. */
    void created(String name) {
        Optional<String> template = template(name);
        if (template.isEmpty()) {
            return;
        }
        String first = firstByTemplate.putIfAbsent(template.get(), name);
        if (first != null && !first.equals(name) && WARNED.size() < MAX_WARNINGS && WARNED.add(template.get())) {
            warn.accept(message(first, name, template.get()));
        }
    }

    /**
     * {@code GET /api/posts/{id}} for {@code GET /api/posts/17}: the name with each segment that looks like a value
     * replaced; empty when no segment does.
     */
    public static Optional<String> template(String name) {
        String[] segments = name.split("/", -1);
        boolean replaced = false;
        for (int i = 1; i < segments.length; i++) {
            if (VALUE.matcher(segments[i]).matches()) {
                segments[i] = "{id}";
                replaced = true;
            }
        }
        return replaced ? Optional.of(String.join("/", segments)) : Optional.empty();
    }

    /** The warning for every template of {@code names} with more than one concrete path, in the order first seen. */
    public static Collection<String> warnings(Collection<String> names) {
        Map<String, String> first = new LinkedHashMap<>();
        Map<String, String> warnings = new LinkedHashMap<>();
        for (String name : names) {
            template(name).ifPresent(template -> {
                String seen = first.putIfAbsent(template, name);
                if (seen != null && warnings.size() < MAX_WARNINGS) {
                    warnings.putIfAbsent(template, message(seen, name, template));
                }
            });
        }
        return warnings.values();
    }

    static String message(String first, String second, String template) {
        int space = template.indexOf(' ');
        String method = space < 0 ? "get" : template.substring(0, space).toLowerCase(Locale.ROOT);
        String path = space < 0 ? template : template.substring(space + 1);
        return "requests go to " + first + ", " + second + ", …, each its own metric: the path is built from its"
                + " values, so a budget on " + template + " sees no samples. Write it as a template with the values"
                + " apart, e.g. " + method + "(\"" + path + "\", id)";
    }
}
