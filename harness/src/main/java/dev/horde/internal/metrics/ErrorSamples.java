package dev.horde.internal.metrics;

import dev.horde.internal.trace.TraceContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the first failure of each of the first {@link #CAPACITY} distinct causes, in the order they came, for reports. */
final class ErrorSamples {

    static final int CAPACITY = 5;

    private final ConcurrentHashMap<String, ErrorSample> samples = new ConcurrentHashMap<>();
    private final List<ErrorSample> inOrder = new ArrayList<>(CAPACITY); // guarded by this
    private volatile boolean full;

    /** Whether a failure with {@code cause} would be kept: a caller may skip describing one that would not. */
    boolean wants(String cause) {
        return !full && !samples.containsKey(cause);
    }

    void offer(String metric, String cause, Throwable failure) {
        if (!wants(cause)) {
            return;
        }
        synchronized (this) { // rare: at most CAPACITY times per run does a thread get past the checks above
            if (samples.size() < CAPACITY && !samples.containsKey(cause)) {
                TraceContext trace = TraceContext.current();
                ErrorSample sample = new ErrorSample(metric, cause, Secrets.mask(stackTrace(failure)),
                        RecordedFailure.of(failure), trace == null ? null : trace.traceId());
                samples.put(cause, sample);
                inOrder.add(sample);
            }
            full = samples.size() >= CAPACITY;
        }
    }

    synchronized List<ErrorSample> snapshot() {
        return List.copyOf(inOrder);
    }

    private static String stackTrace(Throwable failure) {
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
