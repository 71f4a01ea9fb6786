package dev.horde.demo;

import io.prometheus.metrics.tracer.common.SpanContext;
import java.util.regex.Pattern;

/**
 * The W3C trace context of the request a thread serves, read from its {@code traceparent} header: the request log
 * writes its trace id, and Prometheus' exemplars name it (this is the registry's {@link SpanContext}).
 */
final class RequestTrace implements SpanContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final ThreadLocal<String[]> CURRENT = new ThreadLocal<>();

    /** The trace id and parent span of {@code traceparent}, or null if it is absent or malformed. */
    static String[] parse(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        var matcher = TRACEPARENT.matcher(traceparent.strip());
        return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2), matcher.group(3)} : null;
    }

    /** This thread serves a request of {@code trace} (null: none) until {@link #exit()}. */
    static void enter(String[] trace) {
        CURRENT.set(trace);
    }

    static void exit() {
        CURRENT.remove();
    }

    @Override
    public String getCurrentTraceId() {
        String[] trace = CURRENT.get();
        return trace == null ? null : trace[0];
    }

    @Override
    public String getCurrentSpanId() {
        String[] trace = CURRENT.get();
        return trace == null ? null : trace[1];
    }

    @Override
    public boolean isCurrentSpanSampled() {
        String[] trace = CURRENT.get();
        return trace != null && (Integer.parseInt(trace[2], 16) & 1) == 1;
    }

    @Override
    public void markCurrentSpanAsExemplar() {
    }
}
