package dev.horde.internal.restassured;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.restassured.RestAssured;
import java.net.URI;
import org.apiguardian.api.API;

/**
 * REST Assured's static {@code baseURI}, {@code port} and {@code basePath}: the one place Horde reads them (the target
 * of a test that sets no {@code horde.target}) and changes them (to point {@code given()} at {@code horde.target}
 * for the length of a test, then put back).
 */
@API(status = INTERNAL, since = "0.1")
public final class RestAssuredTarget {

    private final String baseUri;
    private final int port;
    private final String basePath;

    private RestAssuredTarget(String baseUri, int port, String basePath) {
        this.baseUri = baseUri;
        this.port = port;
        this.basePath = basePath;
    }

    /**
     * Where REST Assured sends a request given a relative path, as its static configuration says now; null when that
     * is not a URI.
     */
    public static URI configured() {
        try {
            return parse();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI parse() {
        URI base = URI.create(RestAssured.baseURI);
        String uri = RestAssured.baseURI;
        if (base.getPort() < 0 && RestAssured.port != RestAssured.UNDEFINED_PORT) {
            uri = base.getScheme() + "://" + base.getHost() + ":" + RestAssured.port
                    + (base.getRawPath() == null ? "" : base.getRawPath());
        }
        String basePath = RestAssured.basePath == null ? "" : RestAssured.basePath;
        return URI.create(uri.endsWith("/") && basePath.startsWith("/") ? uri + basePath.substring(1) : uri + basePath);
    }

    /**
     * Points REST Assured at {@code target} unless it points there already (or {@code target} is null);
     * {@link #restore()} on the result puts the previous values back.
     */
    public static RestAssuredTarget pointAt(URI target) {
        if (target == null || target.equals(configured())) {
            return new RestAssuredTarget(null, 0, null);
        }
        RestAssuredTarget previous = new RestAssuredTarget(RestAssured.baseURI, RestAssured.port, RestAssured.basePath);
        RestAssured.baseURI = target.getScheme() + "://" + target.getHost();
        RestAssured.port = target.getPort() >= 0 ? target.getPort()
                : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        RestAssured.basePath = target.getRawPath() == null ? "" : target.getRawPath();
        return previous;
    }

    /** Puts back the values REST Assured had before {@link #pointAt}. */
    public void restore() {
        if (baseUri == null) {
            return;
        }
        RestAssured.baseURI = baseUri;
        RestAssured.port = port;
        RestAssured.basePath = basePath;
    }
}
