package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.horde.internal.http.Endpoints;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.trace.TraceContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.apiguardian.api.API;

/**
 * One request being written: headers, query, body and the statuses it expects, then {@link #send()}. Made by
 * {@link HttpApi}; used once.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpCall {

    private static final byte[] EMPTY = new byte[0];
    private static final int MAX_SIZED_BODY = 16 << 20;

    private final HttpApi api;
    private final String method;
    private final String template;
    private final Object[] pathParams;
    private List<Header> headers;
    private StringBuilder query;
    private byte[] body;
    private ContentType bodyType;
    private int[] expected;
    private Duration timeout;
    private String name;

    HttpCall(HttpApi api, String method, String template, Object[] pathParams) {
        this.api = api;
        this.method = method;
        this.template = template;
        this.pathParams = pathParams;
    }

    /** Adds a header to this request. */
    public HttpCall header(String name, String value) {
        if (headers == null) {
            headers = new ArrayList<>(4);
        }
        headers.add(new org.apache.hc.core5.http.message.BasicHeader(name, value));
        return this;
    }

    /** Adds a query parameter, URL-encoded. */
    public HttpCall query(String name, Object value) {
        query = (query == null ? new StringBuilder("?") : query.append('&'))
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        return this;
    }

    /** A text body of this content type, e.g. {@code "text/plain"}, sent as UTF-8. */
    public HttpCall body(String text, String contentType) {
        body = text.getBytes(StandardCharsets.UTF_8);
        bodyType = ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8);
        return this;
    }

    /** A binary body of this content type. */
    public HttpCall body(byte[] bytes, String contentType) {
        body = bytes;
        bodyType = ContentType.parse(contentType);
        return this;
    }

    /** {@code value} written as JSON by Jackson ({@code String}s are sent as they are, as a JSON document). */
    public HttpCall json(Object value) {
        byte[] bytes;
        if (value instanceof String text) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            try {
                bytes = Json.MAPPER.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                        + e.getOriginalMessage(), e);
            }
        }
        body = bytes;
        bodyType = ContentType.APPLICATION_JSON;
        return this;
    }

    /**
     * The statuses that count as success; any other counts as a failed sample and makes {@link #send()} throw. By
     * default every status below 400 succeeds.
     *
     * @throws IllegalArgumentException if no status is given
     */
    public HttpCall expect(int... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("expect() needs at least one status, e.g. expect(200) or expect(200, 404)");
        }
        expected = statuses.clone();
        return this;
    }

    /** The deadline of this request, from its start to the end of its body, instead of the run's request timeout. */
    public HttpCall timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0 but was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Records this request under {@code metricName} instead of {@code "METHOD /path-template"}. */
    public HttpCall as(String metricName) {
        this.name = metricName;
        return this;
    }

    /**
     * Sends the request, waits for the whole response and records it.
     *
     * @throws UnexpectedStatusException if the status is not expected (the response is in the exception)
     * @throws RequestFailedException if no response arrived: refused, reset, timed out, …
     */
    public HttpResult send() {
        HttpTransport transport = api.transport();
        if (transport.chaos()) {
            ChaosCopies.before(api, transport, body, this::request);
        }
        Endpoints endpoints = api.endpoints();
        Metric metric = endpoints == null ? null : name != null ? endpoints.named(name) : endpoints.metric(method, template);
        DeadlineRequest request = request(body);
        HttpClientContext context = api.context();
        Deadlines.Slot deadline = api.deadline();
        boolean ownConfig = timeout != null && deadline == null;
        if (ownConfig) {
            Timeout limit = Timeout.of(timeout);
            context.setRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(limit)
                    .setResponseTimeout(limit).build());
        }
        TraceContext trace = TraceContext.current();
        long start = metric != null ? metric.start() : System.nanoTime();
        if (deadline != null) {
            deadline.begin(request, start + (timeout != null ? timeout : transport.timeout()).toNanos());
        }
        HttpResult result;
        try {
            result = transport.client().execute(api.host(), request, context,
                    response -> new HttpResult(method, template, response, bytes(response.getEntity())));
        } catch (IOException | RuntimeException | LinkageError failure) { // LinkageError: a class missing or of another version
            long end = System.nanoTime();
            String cause = request.timedOut() ? api.timeoutCause() : FailureCause.ofRequest(failure, api.authority());
            if (metric != null) {
                metric.recordFailure(start, end, cause, failure);
            }
            if (trace != null) {
                trace.requestEnded(0, failure);
            }
            throw new RequestFailedException(method + " " + template, cause, failure);
        } finally {
            if (deadline != null) {
                deadline.end();
            }
            if (ownConfig) {
                context.setRequestConfig(null);
            }
        }
        long end = System.nanoTime();
        if (trace != null) {
            trace.requestEnded(result.status(), null);
        }
        if (succeeded(result.status())) {
            if (metric != null) {
                metric.recordSuccess(start, end);
            }
            return result;
        }
        UnexpectedStatusException failure = new UnexpectedStatusException(result, expected);
        if (metric != null) {
            metric.recordFailure(start, end, failure.failureCause(), failure);
        }
        throw failure;
    }

    private DeadlineRequest request(byte[] content) {
        DeadlineRequest request = new DeadlineRequest(method, api.host(), target());
        for (Header header : api.headers()) {
            request.addHeader(header);
        }
        if (headers != null) {
            headers.forEach(request::addHeader);
        }
        if (content != null) {
            request.setEntity(new ByteArrayEntity(content, bodyType));
        }
        TraceContext trace = TraceContext.current();
        if (trace != null && !request.containsHeader(TraceContext.TRACEPARENT)) {
            request.addHeader(TraceContext.TRACEPARENT,
                    trace.nextRequest(method, template, api.host().getHostName(), api.host().getPort()));
            String state = trace.traceState();
            if (state != null) {
                request.addHeader(TraceContext.TRACESTATE, state);
            }
        }
        return request;
    }

    private boolean succeeded(int status) {
        if (expected == null) {
            return status < 400;
        }
        for (int allowed : expected) {
            if (allowed == status) {
                return true;
            }
        }
        return false;
    }

    /** The request target: base path, the template with its placeholders filled, the query. */
    private String target() {
        String path = PathTemplate.expand(template, pathParams);
        String base = api.basePath();
        String full = base.isEmpty() ? path : base + path;
        return query == null ? full : full + query;
    }

    /**
     * The whole body, read to its end: the end of the stream frees the connection for the next request at once (a
     * read of exactly the announced length without reading the end does not, and cost 40 ms per request in a test).
     */
    private static byte[] bytes(HttpEntity entity) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        long length = entity.getContentLength();
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return EMPTY;
            }
            if (length < 0 || length > MAX_SIZED_BODY) {
                return in.readAllBytes();
            }
            byte[] body = in.readNBytes((int) length); // one array of the announced length, no 16 KB scratch buffer
            if (body.length != length || in.read() >= 0) {
                throw new IOException("the body was not the " + length + " bytes its Content-Length announced");
            }
            return body;
        }
    }
}
