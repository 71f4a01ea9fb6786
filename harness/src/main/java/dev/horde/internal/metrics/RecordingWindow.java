package dev.horde.internal.metrics;

/**
 * Which samples count: those that start at or after the end of the warm-up and before the window closes. A sample
 * in flight when the window closes still counts when it ends, so every counted start ends as a success or a failure;
 * once the run is {@linkplain #cutOff() cut off}, failures are the run's doing and are named so.
 */
final class RecordingWindow {

    private final long measureFromNanos;
    private volatile long closedAtNanos;
    private volatile boolean closed;
    private volatile boolean cutOff;

    RecordingWindow(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    boolean accepts(long startNanos) {
        return startNanos - measureFromNanos >= 0 && (!closed || startNanos - closedAtNanos < 0);
    }

    long measureFromNanos() {
        return measureFromNanos;
    }

    /** Samples that start from now on are not counted. */
    void close() {
        if (!closed) {
            closedAtNanos = System.nanoTime(); // written before the flag, read after it
            closed = true;
        }
    }

    /** The run is interrupting what is still in flight: failures from now on are its doing. */
    void cutOff() {
        close();
        cutOff = true;
    }

    boolean isCutOff() {
        return cutOff;
    }
}
