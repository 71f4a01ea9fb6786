package dev.horde.internal.trace;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * The W3C trace context of the virtual user on this thread: its set-up and each of its iterations is one trace, each
 * request a child span, whose {@value #TRACEPARENT} header {@link #nextRequest()} makes. Ids come from the thread's
 * random generator: no lock, a few random numbers per iteration and one per request, one string per request.
 */
@API(status = INTERNAL, since = "0.1")
public final class TraceContext {

    /** The header that carries the context: {@code 00-<trace id>-<span id>-01}. */
    public static final String TRACEPARENT = "traceparent";

    private static final ThreadLocal<TraceContext> CURRENT = new ThreadLocal<>();
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private long traceHigh;
    private long traceLow;
    private long iterationSpan;
    private long requestSpan;

    private TraceContext() {
        newTrace();
    }

    /** The context of the virtual user on this thread; null on other threads, or when tracing is off. */
    public static TraceContext current() {
        return CURRENT.get();
    }

    /** Gives this thread's virtual user a context, in a first trace: its set-up's. */
    public static TraceContext begin() {
        TraceContext context = new TraceContext();
        CURRENT.set(context);
        return context;
    }

    /** This thread's virtual user ended. */
    public static void end() {
        CURRENT.remove();
    }

    /** Starts the next trace: an iteration's. */
    public void newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        traceHigh = random.nextLong();
        traceLow = nonZero(random);
        iterationSpan = nonZero(random);
        requestSpan = 0;
    }

    /** A new span of the current trace, for a request about to be sent: its {@value #TRACEPARENT} header value. */
    public String nextRequest() {
        requestSpan = nonZero(ThreadLocalRandom.current());
        byte[] header = new byte[55]; // Latin-1: the string keeps these bytes as they are
        header[0] = '0';
        header[1] = '0';
        header[2] = '-';
        hex(traceHigh, header, 3);
        hex(traceLow, header, 19);
        header[35] = '-';
        hex(requestSpan, header, 36);
        header[52] = '-';
        header[53] = '0';
        header[54] = '1';
        return new String(header, StandardCharsets.ISO_8859_1);
    }

    /** The current trace's id, 32 hex digits. */
    public String traceId() {
        byte[] id = new byte[32];
        hex(traceHigh, id, 0);
        hex(traceLow, id, 16);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** The span of the last request if {@code request} and one was sent in this trace, else the iteration's: 16 hex digits. */
    public String spanId(boolean request) {
        byte[] id = new byte[16];
        hex(request && requestSpan != 0 ? requestSpan : iterationSpan, id, 0);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static long nonZero(ThreadLocalRandom random) {
        long value = random.nextLong();
        return value != 0 ? value : 1;
    }

    private static void hex(long value, byte[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
