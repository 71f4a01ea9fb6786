package dev.horde.internal.http;

/**
 * Names a request's metric {@code "METHOD /base-path/path-template"}: the path as written, with its placeholders
 * ({@code /api/posts/{id}}), without scheme, host, port or query, so that every request to one endpoint lands in
 * one metric.
 */
final class MetricPaths {

    private MetricPaths() {
    }

    static String path(String basePath, String userPath) {
        String written = userPath == null ? "" : userPath;
        boolean absolute = written.contains("://");
        String path = stripQuery(absolute ? stripOrigin(written) : written);
        String base = basePath == null || absolute ? "" : stripQuery(basePath); // a URL is used as it is
        String joined = trimTrailingSlash(base) + (path.isEmpty() || path.startsWith("/") ? path : "/" + path);
        return joined.isEmpty() ? "/" : joined.startsWith("/") ? joined : "/" + joined;
    }

    private static String stripOrigin(String path) {
        int scheme = path.indexOf("://");
        int slash = path.indexOf('/', scheme + 3);
        return slash < 0 ? "" : path.substring(slash);
    }

    private static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String trimTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
