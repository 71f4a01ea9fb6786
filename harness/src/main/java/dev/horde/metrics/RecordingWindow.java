package dev.horde.metrics;

/**
 * Which samples count: those that start at or after the end of the warm-up and are recorded before the window
 * closes. Samples of in-flight work cut off by the end of a run are thereby never counted.
 */
final class RecordingWindow {

    private final long measureFromNanos;
    private volatile boolean closed;

    RecordingWindow(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    boolean accepts(long startNanos) {
        return startNanos - measureFromNanos >= 0 && !closed;
    }

    long measureFromNanos() {
        return measureFromNanos;
    }

    void close() {
        closed = true;
    }
}
