package dev.horde.internal.metrics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the first failure of each of the first {@link #CAPACITY} distinct causes, for reports. */
final class ErrorSamples {

    static final int CAPACITY = 5;

    private final ConcurrentHashMap<String, ErrorSample> samples = new ConcurrentHashMap<>();
    private volatile boolean full;

    void offer(String metric, String cause, Throwable failure) {
        if (full || samples.containsKey(cause)) {
            return;
        }
        synchronized (this) { // rare: at most CAPACITY times per run does a thread get past the checks above
            if (samples.size() < CAPACITY && !samples.containsKey(cause)) {
                samples.put(cause, new ErrorSample(metric, cause, Secrets.mask(stackTrace(failure))));
            }
            full = samples.size() >= CAPACITY;
        }
    }

    List<ErrorSample> snapshot() {
        return List.copyOf(samples.values());
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
