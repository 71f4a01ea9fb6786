package dev.horde.internal.dashboard;

import java.util.ArrayDeque;

/**
 * The events waiting for one open page. Bounded: a page that reads slower than events come loses the ones it missed
 * and gets the whole state again instead, so a stalled tab never holds more than {@value #CAPACITY} events.
 */
final class EventStream {

    /** Events kept for a page that is behind; a minute of ticks. */
    static final int CAPACITY = 60;
    /** What {@link #next} returns when the page fell behind and needs the whole state. */
    static final String RESYNC = "resync";
    /** What {@link #next} returns when nothing came in time: the writer sends a comment to find out if the page left. */
    static final String IDLE = "idle";

    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean behind;
    private boolean closed;

    /** Queues {@code frame}; never blocks the caller. */
    synchronized void offer(String frame) {
        if (closed) {
            return;
        }
        if (pending.size() >= CAPACITY) { // the page gets the whole state first, then what follows
            pending.clear();
            behind = true;
        }
        pending.add(frame);
        notifyAll();
    }

    /** Ends the stream: {@link #next} returns null from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /**
     * The next frame, {@link #RESYNC} after frames were lost, {@link #IDLE} after {@code timeoutMs} without any, or
     * null once closed.
     */
    synchronized String next(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (!closed && !behind && pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return IDLE;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        if (closed) {
            return null;
        }
        if (behind) {
            behind = false;
            return RESYNC;
        }
        return pending.poll();
    }
}
