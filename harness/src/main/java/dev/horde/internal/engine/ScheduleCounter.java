package dev.horde.internal.engine;

import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Counts intended iteration starts and how late they were, over the measured window; no lock on the hot path. */
final class ScheduleCounter {

    private static final long LATE_NANOS = LoadPlan.LATE.toNanos();

    private final long measureFromNanos;
    private final LongAdder due = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final AtomicLong maxLag = new AtomicLong();

    ScheduleCounter(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    /** An iteration was intended to start at {@code intendedNanos} (counted when it starts or is dropped). */
    void started(long intendedNanos, long startNanos) {
        if (intendedNanos - measureFromNanos < 0) {
            return;
        }
        due.increment();
        started.increment();
        long lag = startNanos - intendedNanos;
        if (lag > LATE_NANOS) {
            late.increment();
            if (lag > maxLag.get()) {
                maxLag.accumulateAndGet(lag, Math::max);
            }
        }
    }

    /** {@code count} iterations intended at or after {@code intendedNanos} never started. */
    void dropped(long intendedNanos, long count) {
        if (intendedNanos - measureFromNanos < 0 || count <= 0) {
            return;
        }
        due.add(count);
        dropped.add(count);
    }

    ScheduleStats stats() {
        return new ScheduleStats(due.sum(), started.sum(), late.sum(), dropped.sum(), Duration.ofNanos(maxLag.get()));
    }
}
