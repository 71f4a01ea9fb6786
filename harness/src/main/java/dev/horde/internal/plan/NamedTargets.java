package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.internal.metrics.Secrets;
import java.net.URI;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The services a test reaches by name besides its default target ({@code horde.target.<name>}): users ask for
 * {@code api("auth")}, and the metrics of requests to a named service carry its name, {@code auth: POST /login}.
 *
 * @param byName each service's URL by name, sorted by name
 */
@API(status = INTERNAL, since = "0.1")
public record NamedTargets(Map<String, URI> byName) {

    /** No named targets. */
    public static final NamedTargets NONE = new NamedTargets(Map.of());

    /** What a target's name may hold. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    /** What a metric of a named target looks like: {@code <name>: <METHOD> <path>}. */
    private static final Pattern METRIC = Pattern.compile("(" + NAME.pattern() + "): [A-Z]+ .*");

    public NamedTargets {
        byName = Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** The URL of the target {@code name}, if configured. */
    public Optional<URI> uri(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The name of the target {@code request} goes to: the one whose scheme, host and port it has (and whose path it
     * starts with; {@code ws} counts as {@code http}, {@code wss} as {@code https}), or null when none.
     */
    public String nameOf(URI request) {
        if (byName.isEmpty() || request == null || request.getHost() == null || request.getScheme() == null) {
            return null;
        }
        for (Map.Entry<String, URI> target : byName.entrySet()) {
            URI uri = target.getValue();
            if (uri.getHost().equalsIgnoreCase(request.getHost()) && port(uri) == port(request)
                    && sameScheme(uri.getScheme(), request.getScheme())
                    && (request.getRawPath() == null ? "" : request.getRawPath()).startsWith(path(uri))) {
                return target.getKey();
            }
        }
        return null;
    }

    /** The target a metric name such as {@code auth: POST /login} names, if it has that shape. */
    public static Optional<String> named(String metric) {
        var matcher = METRIC.matcher(metric);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** {@code auth (horde.target.auth), chat (horde.target.chat)}, or {@code none}: for messages. */
    public String names() {
        return byName.isEmpty() ? "none" : byName.keySet().stream()
                .map(name -> name + " (" + LoadTest.TARGET_PROPERTY_NAME + "." + name + ")")
                .collect(Collectors.joining(", "));
    }

    /** {@code auth http://127.0.0.1:8081, chat http://127.0.0.1:8082}, credentials masked. */
    public String describe() {
        return byName.entrySet().stream()
                .map(target -> target.getKey() + " " + Secrets.mask(target.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort()
                : "https".equalsIgnoreCase(uri.getScheme()) || "wss".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Whether a request of scheme {@code request} goes to a target of scheme {@code target}; ws to http, wss to https. */
    private static boolean sameScheme(String target, String request) {
        return target.equalsIgnoreCase(request)
                || "http".equalsIgnoreCase(target) && "ws".equalsIgnoreCase(request)
                || "https".equalsIgnoreCase(target) && "wss".equalsIgnoreCase(request);
    }

    private static String path(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
