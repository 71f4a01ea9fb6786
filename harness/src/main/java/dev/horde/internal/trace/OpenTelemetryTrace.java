package dev.horde.internal.trace;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.Locale;

/**
 * Trace context from a configured OpenTelemetry SDK: each trace is a root span ({@code iteration} or {@code user
 * setup}, with the test and the user's index), each request a client span under it with the HTTP semantic conventions'
 * attributes; the user's SDK samples and exports them. Loaded only when the OpenTelemetry API is on the class path.
 */
final class OpenTelemetryTrace extends TraceContext {

    private static final String INSTRUMENTATION = "dev.horde";
    private static final AttributeKey<String> TEST = AttributeKey.stringKey("horde.test");
    private static final AttributeKey<Long> USER = AttributeKey.longKey("horde.user");
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> TEMPLATE = AttributeKey.stringKey("url.template");
    private static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
    private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

    private final Tracer tracer;
    private final String test;
    private final long user;
    private Span trace;
    private Context parent;
    private Span request;
    private String traceId;
    private String traceSpanId;
    private String requestSpanId;
    private String traceState;

    private OpenTelemetryTrace(Tracer tracer, String test, int user) {
        this.tracer = tracer;
        this.test = test;
        this.user = user;
    }

    /** The trace context of the user {@code index} of {@code test}, with {@code tracer}: {@link #configuredTracer()}'s. */
    static TraceContext create(Object tracer, String test, int user) {
        return new OpenTelemetryTrace((Tracer) tracer, test, user);
    }

    /**
     * The tracer (typed Object for callers that load without the API) of the global OpenTelemetry if an SDK is configured: set as global, or to be configured by
     * autoconfigure ({@code otel.java.global-autoconfigure.enabled}); null otherwise, and then the global is left
     * untouched (asking an unset global for its instance would make it a no-op one for good). A global whose spans
     * have no valid context (the no-op one) counts as none.
     */
    static Object configuredTracer() {
        if (!globalSet() && !autoconfigured()) {
            return null;
        }
        Tracer tracer = GlobalOpenTelemetry.get().getTracer(INSTRUMENTATION);
        Span probe = tracer.spanBuilder("horde probe").setNoParent().startSpan(); // never ended: never exported
        return probe.getSpanContext().isValid() ? tracer : null;
    }

    /** {@code GlobalOpenTelemetry.isSet()} (1.52 on, called reflectively to build against 1.31); the field before. */
    private static boolean globalSet() {
        try {
            return (Boolean) GlobalOpenTelemetry.class.getMethod("isSet").invoke(null);
        } catch (NoSuchMethodException olderApi) {
            return setInField();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean setInField() {
        try {
            Field global = GlobalOpenTelemetry.class.getDeclaredField("globalOpenTelemetry");
            global.setAccessible(true);
            return global.get(null) != null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean autoconfigured() {
        String property = System.getProperty("otel.java.global-autoconfigure.enabled",
                System.getenv().getOrDefault("OTEL_JAVA_GLOBAL_AUTOCONFIGURE_ENABLED", "false"));
        if (!Boolean.parseBoolean(property)) {
            return false;
        }
        try {
            Class.forName("io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk", false,
                    OpenTelemetryTrace.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public void newTrace(String name) {
        traceEnded(null);
        trace = tracer.spanBuilder(name).setNoParent().setSpanKind(SpanKind.INTERNAL)
                .setAttribute(TEST, test).setAttribute(USER, user).startSpan();
        SpanContext context = trace.getSpanContext();
        traceId = context.getTraceId();
        traceSpanId = context.getSpanId();
        requestSpanId = null;
        parent = Context.root().with(trace);
    }

    @Override
    public void traceEnded(Throwable failure) {
        requestEnded(0, null);
        if (trace != null) {
            if (failure != null) {
                trace.setAttribute(ERROR_TYPE, failure.getClass().getName());
                trace.setStatus(StatusCode.ERROR); // no message: it may hold what reports mask
            }
            trace.end();
            trace = null;
        }
    }

    @Override
    public String nextRequest(String method, String template, String server, int port) {
        requestEnded(0, null);
        String address = host(server);
        request = tracer.spanBuilder(template.isEmpty() ? method : method + " " + template).setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(METHOD, method.toUpperCase(Locale.ROOT)).setAttribute(TEMPLATE, template)
                .setAttribute(ADDRESS, address).setAttribute(PORT, (long) port).startSpan();
        SpanContext context = request.getSpanContext();
        requestSpanId = context.getSpanId();
        traceState = context.getTraceState().isEmpty() ? null : w3c(context.getTraceState());
        return "00-" + context.getTraceId() + "-" + requestSpanId + "-" + context.getTraceFlags().asHex();
    }

    @Override
    public void requestEnded(int status, Throwable failure) {
        if (request == null) {
            return;
        }
        if (status > 0) {
            request.setAttribute(STATUS, (long) status);
        }
        if (failure != null) {
            request.setAttribute(ERROR_TYPE, failure.getClass().getName());
            request.setStatus(StatusCode.ERROR);
        } else if (status >= 400) {
            request.setAttribute(ERROR_TYPE, Integer.toString(status));
            request.setStatus(StatusCode.ERROR);
        }
        request.end();
        request = null;
    }

    @Override
    public String traceState() {
        return traceState;
    }

    /** {@code key=value} pairs, comma-separated, in the order the state holds them. */
    private static String w3c(TraceState state) {
        StringBuilder header = new StringBuilder();
        state.forEach((key, value) -> header.append(header.length() == 0 ? "" : ",").append(key).append('=')
                .append(value));
        return header.toString();
    }

    @Override
    public String traceId() {
        return traceId;
    }

    @Override
    public String spanId(boolean request) {
        return request && requestSpanId != null ? requestSpanId : traceSpanId;
    }

    /** The host of {@code server}, a host or a base URL such as REST Assured's {@code http://127.0.0.1}. */
    private static String host(String server) {
        if (server == null || !server.contains("://")) {
            return server == null ? "" : server;
        }
        String host = URI.create(server).getHost();
        return host == null ? server : host;
    }
}
