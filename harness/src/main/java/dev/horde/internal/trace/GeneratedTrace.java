package dev.horde.internal.trace;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trace context with ids Horde generates from the thread's random generator: no lock, a few random numbers per trace
 * and one per request, one string per request. No span is exported: the service's traces carry the ids.
 */
final class GeneratedTrace extends TraceContext {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private long traceHigh;
    private long traceLow;
    private long iterationSpan;
    private long requestSpan;

    @Override
    public void newTrace(String name) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        traceHigh = random.nextLong();
        traceLow = nonZero(random);
        iterationSpan = nonZero(random);
        requestSpan = 0;
    }

    @Override
    public String nextRequest(String method, String template, String server, int port) {
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

    @Override
    public String traceId() {
        byte[] id = new byte[32];
        hex(traceHigh, id, 0);
        hex(traceLow, id, 16);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    @Override
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
