package dev.horde.internal.metrics;

import dev.horde.internal.trace.TraceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #KEPT} slowest samples of a metric recorded on a virtual user's thread, with their traces. A sample
 * costs a volatile read unless it is slower than the fastest kept one, which after the first few samples of a run is
 * rare (about {@code KEPT × ln(n)} times in {@code n} samples).
 */
final class SlowestSamples {

    static final int KEPT = 3;

    private final TracedSample[] kept = new TracedSample[KEPT]; // slowest first; guarded by this
    private int size; // guarded by this
    private volatile long floorMicros = -1; // a sample must be slower to be kept: -1 until KEPT are

    void offer(long micros, boolean request) {
        if (micros <= floorMicros) {
            return;
        }
        TraceContext trace = TraceContext.current();
        if (trace == null) {
            return;
        }
        TracedSample sample = new TracedSample(micros, trace.traceId(), trace.spanId(request), System.currentTimeMillis());
        synchronized (this) {
            int at = size < KEPT ? size : KEPT - 1;
            if (size == KEPT && micros <= kept[at].micros()) {
                return;
            }
            while (at > 0 && kept[at - 1].micros() < micros) {
                kept[at] = kept[at - 1];
                at--;
            }
            kept[at] = sample;
            size = Math.min(KEPT, size + 1);
            floorMicros = size == KEPT ? kept[KEPT - 1].micros() : -1;
        }
    }

    /** The slowest samples so far, slowest first. */
    synchronized List<TracedSample> snapshot() {
        List<TracedSample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(kept[i]);
        }
        return List.copyOf(samples);
    }
}
