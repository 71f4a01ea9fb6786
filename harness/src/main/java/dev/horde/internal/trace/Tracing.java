package dev.horde.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * How a run traces its users' requests, decided once per run: off, with ids Horde generates, or with the spans of the
 * OpenTelemetry SDK configured in the test JVM.
 */
@API(status = INTERNAL, since = "0.1")
public final class Tracing {

    /** What the run's trace contexts are. */
    public enum Mode {
        /** No {@code traceparent}. */
        OFF,
        /** {@code traceparent} with ids Horde generates. */
        GENERATED,
        /** Spans of the configured OpenTelemetry SDK, exported by it. */
        OPENTELEMETRY
    }

    private static final boolean API_PRESENT = present("io.opentelemetry.api.GlobalOpenTelemetry");

    private final Mode mode;
    private final Object tracer; // an OpenTelemetry Tracer in that mode: typed Object so that this class loads without it
    private final String test;

    private Tracing(Mode mode, Object tracer, String test) {
        this.mode = mode;
        this.tracer = tracer;
        this.test = test;
    }

    /** The tracing of a run of {@code test}: off unless {@code on}; OpenTelemetry's when an SDK is configured. */
    public static Tracing of(boolean on, String test) {
        if (!on) {
            return new Tracing(Mode.OFF, null, test);
        }
        Object tracer = API_PRESENT ? OpenTelemetryTrace.configuredTracer() : null;
        return new Tracing(tracer == null ? Mode.GENERATED : Mode.OPENTELEMETRY, tracer, test);
    }

    public Mode mode() {
        return mode;
    }

    /** The trace context of the user {@code index}; null when tracing is off. */
    public TraceContext forUser(int index) {
        return switch (mode) {
            case OFF -> null;
            case GENERATED -> new GeneratedTrace();
            case OPENTELEMETRY -> OpenTelemetryTrace.create(tracer, test, index);
        };
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Tracing.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
