package dev.horde.internal.engine;

import dev.horde.internal.plan.LoadShape;
import dev.horde.internal.plan.Segment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The open model's clock and queue: a dispatcher thread releases each iteration at its intended time
 * ({@link System#nanoTime()}), whether or not a user is free to take it, and the pool's users take them in order. A
 * late start is measured from the intended time; what no user took by the end is dropped. Lock-free on both sides.
 */
final class Arrivals {

    /** What {@link #take} returns once the run is over. */
    static final long NONE = Long.MIN_VALUE;

    /** What a pool user takes from the queue to learn that the run is over. */
    private static final Long NO_MORE = Long.valueOf(NONE);

    private final LinkedTransferQueue<Long> queue = new LinkedTransferQueue<>();
    private final AtomicBoolean released = new AtomicBoolean();
    private final int pool;
    private final ScheduleCounter schedule;
    private final BooleanSupplier stopping;
    private Thread dispatcher;

    /** Arrivals for a pool of {@code pool} users, counted in {@code schedule}; {@code stopping} tells the run is over. */
    Arrivals(int pool, ScheduleCounter schedule, BooleanSupplier stopping) {
        this.pool = pool;
        this.schedule = schedule;
        this.stopping = stopping;
    }

    /**
     * Starts releasing the iterations of {@code shape} that belong to {@code segment}, the first at
     * {@code startNanos}, until {@code stop} opens.
     */
    void dispatch(LoadShape shape, Segment segment, long startNanos, CountDownLatch stop) {
        dispatcher = new Thread(() -> {
            LoadShape.ArrivalTimes times = shape.arrivalTimes();
            try {
                long ordinal = 0;
                for (long at = times.next(); at >= 0; at = times.next()) {
                    if (!segment.owns(ordinal++)) {
                        continue;
                    }
                    long intended = startNanos + at;
                    long wait = intended - System.nanoTime();
                    if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS) || stop.getCount() == 0) {
                        return;
                    }
                    queue.offer(intended);
                }
            } catch (InterruptedException e) {
                // the run is over
            }
        }, "horde-arrivals");
        dispatcher.setDaemon(true);
        dispatcher.setPriority(Thread.MAX_PRIORITY);
        dispatcher.start();
    }

    /**
     * Blocks a pool user until the next iteration is due and returns its intended start, or {@link #NONE} when the run
     * is over (an iteration taken after the stop counts as dropped).
     */
    long take() {
        try {
            Long intended = queue.take();
            if (intended == NO_MORE) {
                return NONE;
            }
            if (stopping.getAsBoolean()) {
                schedule.dropped(intended, 1);
                return NONE;
            }
            return intended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NONE;
        }
    }

    /** Wakes every pool user: the run is over. Safe to call more than once. */
    void release() {
        if (!released.getAndSet(true)) {
            for (int i = 0; i < pool; i++) {
                queue.offer(NO_MORE);
            }
        }
    }

    /** Stops the dispatcher and counts the iterations no user took as dropped. */
    void close() {
        if (dispatcher != null) {
            dispatcher.interrupt();
        }
        for (Long intended = queue.poll(); intended != null; intended = queue.poll()) {
            if (intended != NO_MORE) {
                schedule.dropped(intended, 1);
            }
        }
    }
}
