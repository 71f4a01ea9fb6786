package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.http.Endpoints;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.plan.NamedTargets;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.cookie.CookieSpecFactory;
import org.apache.hc.client5.http.impl.CookieSpecSupport;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Lookup;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apiguardian.api.API;

/**
 * The lean HTTP client of one virtual user: a few times cheaper per request than REST Assured (Apache HttpClient 5
 * over a keep-alive pool the run's users share), recorded the same way, under {@code "METHOD /path-template"}.
 * It keeps the user's session like a browser: cookies the server sets, and a bearer token once
 * {@link #bearer(String) given}.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.to("http://127.0.0.1:8080");
 * String token = api.post("/api/users/login").json(credentials).expect(200).send().json().get("token").asText();
 * api.bearer(token);
 * Post post = api.get("/api/posts/{id}", 42).send().as(Post.class);   // recorded as GET /api/posts/{id}
 * }</pre>
 *
 * A request whose status is not expected (by default: any 4xx or 5xx) counts as a failed sample and throws
 * {@link UnexpectedStatusException}; one that gets no response counts as failed with its cause ({@code timeout},
 * {@code connection refused}, …) and throws {@link RequestFailedException}. Timeouts are the run's
 * {@code horde.request.timeout} unless a request sets its own.
 *
 * <p>An instance belongs to one user: it is not safe for use by several threads at once. Outside a load test it
 * works the same, unrecorded.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpApi {

    static final String GET = "GET";
    static final String POST = "POST";
    static final String PUT = "PUT";
    static final String PATCH = "PATCH";
    static final String DELETE = "DELETE";
    static final String HEAD = "HEAD";
    static final String OPTIONS = "OPTIONS";

    private static final Lookup<CookieSpecFactory> COOKIE_SPECS = CookieSpecSupport.createDefault();

    private final HttpHost host;
    private final String authority;
    private final String timeoutCause;
    private final String basePath;
    private final HttpClientContext context = HttpClientContext.create();
    private final BasicCookieStore cookies = new BasicCookieStore();
    private final List<Header> headers = new ArrayList<>(2);
    private String target;
    private HttpTransport transport;
    private Endpoints endpoints;
    private Deadlines.Slot deadline;

    private HttpApi(HttpHost host, String basePath) {
        HttpClient5Version.require();
        this.host = host;
        this.authority = host.toHostString();
        this.timeoutCause = FailureCause.at(FailureCause.TIMEOUT, authority);
        this.basePath = basePath;
        context.setCookieStore(cookies);
        context.setCookieSpecRegistry(COOKIE_SPECS);
    }

    /**
     * A client for the service at {@code baseUri}, e.g. {@code "http://127.0.0.1:8080"} or
     * {@code "http://127.0.0.1:8080/app"}; request paths are relative to its path.
     *
     * @throws IllegalArgumentException if {@code baseUri} is not an absolute http or https URL
     * @throws IllegalStateException if the class path holds an httpclient5 older than 5.4
     */
    public static HttpApi to(String baseUri) {
        URI uri;
        try {
            uri = URI.create(baseUri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("base URI [" + baseUri + "] is not a URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("base URI [" + baseUri
                    + "] must be an absolute http or https URL, e.g. http://127.0.0.1:8080");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new HttpApi(new HttpHost(scheme.toLowerCase(java.util.Locale.ROOT), uri.getHost(), uri.getPort()), path);
    }

    /**
     * Names the service this client reaches, so that its requests' metrics carry the name: {@code auth: POST /login}
     * rather than {@code POST /login}, apart from the same path of another service. {@code UserEntity.api(name)}
     * names its clients so.
     *
     * @throws IllegalArgumentException if {@code target} is not a name of letters, digits, {@code _ . -}
     */
    public HttpApi named(String target) {
        if (target == null || !NamedTargets.NAME.matcher(target).matches()) {
            throw new IllegalArgumentException("target name [" + target + "] must be letters, digits, '_', '.' or '-',"
                    + " starting with a letter or digit, e.g. auth");
        }
        this.target = target;
        this.transport = null; // finds this name's metrics on the next request
        return this;
    }

    /** Sends {@code Authorization: Bearer <token>} with every request from now on. */
    public HttpApi bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    /** Sends this header with every request from now on, replacing an earlier one of the same name. */
    public HttpApi header(String name, String value) {
        headers.removeIf(header -> header.getName().equalsIgnoreCase(name));
        headers.add(new BasicHeader(name, value));
        return this;
    }

    /** Forgets the session: the bearer token, other headers set with {@link #header}, and all cookies. */
    public HttpApi clearSession() {
        headers.clear();
        cookies.clear();
        return this;
    }

    /** The cookies the user holds now, by name. */
    public Map<String, String> cookies() {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Cookie cookie : cookies.getCookies()) {
            byName.put(cookie.getName(), cookie.getValue());
        }
        return byName;
    }

    /** A GET of {@code pathTemplate} with its {@code {placeholders}} filled by {@code pathParams}, in order. */
    public HttpCall get(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, GET, pathTemplate, pathParams);
    }

    /** A POST, see {@link #get}. */
    public HttpCall post(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, POST, pathTemplate, pathParams);
    }

    /** A PUT, see {@link #get}. */
    public HttpCall put(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, PUT, pathTemplate, pathParams);
    }

    /** A PATCH, see {@link #get}. */
    public HttpCall patch(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, PATCH, pathTemplate, pathParams);
    }

    /** A DELETE, see {@link #get}. */
    public HttpCall delete(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, DELETE, pathTemplate, pathParams);
    }

    /** A HEAD, see {@link #get}. */
    public HttpCall head(String pathTemplate, Object... pathParams) {
        return new HttpCall(this, HEAD, pathTemplate, pathParams);
    }

    /** A request with any method, e.g. {@code "OPTIONS"}, see {@link #get}. */
    public HttpCall request(String method, String pathTemplate, Object... pathParams) {
        return new HttpCall(this, method.strip().toUpperCase(java.util.Locale.ROOT).intern(), pathTemplate, pathParams);
    }

    HttpHost host() {
        return host;
    }

    /** Host and port, as failure causes name the target: {@code 127.0.0.1:8089}. */
    String authority() {
        return authority;
    }

    /** The cause of a request to this target that ran out of time. */
    String timeoutCause() {
        return timeoutCause;
    }

    String basePath() {
        return basePath;
    }

    HttpClientContext context() {
        return context;
    }

    List<Header> headers() {
        return headers;
    }

    /** The transport of the current run, and this base path's metrics in it (null when not recorded). */
    HttpTransport transport() {
        HttpTransport current = HttpTransport.current();
        if (current != transport) {
            transport = current;
            endpoints = current.endpoints(target, basePath);
            deadline = current.deadlineSlot();
        }
        return current;
    }

    /** Where this user's request in flight is watched for its deadline; null outside a run. */
    Deadlines.Slot deadline() {
        return deadline;
    }

    /** The metrics found by the last {@link #transport()}. */
    Endpoints endpoints() {
        return endpoints;
    }
}
