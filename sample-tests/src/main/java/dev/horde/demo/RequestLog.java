package dev.horde.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The demo's request log: each request slower than a threshold, one line with its status, duration and trace. */
final class RequestLog {

    private final long thresholdNanos;
    private final PrintStream out;

    private RequestLog(Duration threshold, PrintStream out) {
        this.thresholdNanos = threshold.toNanos();
        this.out = out;
    }

    static RequestLog slowerThan(Duration threshold, PrintStream out) {
        return new RequestLog(threshold, out);
    }

    /** Logs the request if it was slow: {@code trace} as {@link RequestTrace#parse} read it, null for none. */
    void log(String method, String path, int status, long nanos, String[] trace) {
        if (nanos < thresholdNanos) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s %s %s %d %.3f ms trace=%s span=%s", Instant.now(), method, path,
                status, nanos / 1e6, trace == null ? "-" : trace[0], trace == null ? "-" : trace[1]);
        out.println(line); // println of a PrintStream is synchronized: lines never mix
    }
}
