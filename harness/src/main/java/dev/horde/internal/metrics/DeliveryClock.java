package dev.horde.internal.metrics;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures how long something one user sends takes to reach others: the sender marks a correlation id when it sends,
 * every receiver marks the same id on arrival, and each arrival is one sample of the delivery metric. Ids are
 * forgotten after {@link #TTL_NANOS}, so the clock stays small however long the run.
 */
final class DeliveryClock {

    static final long TTL_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SWEEP_EVERY = 4_096;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Metric deliveries;

    DeliveryClock(Metric deliveries) {
        this.deliveries = deliveries;
    }

    void sent(String id, long nanos) {
        sentAt.put(id, nanos);
        if (sentAt.size() % SWEEP_EVERY == 0) {
            sweep(nanos);
        }
    }

    /** Records the delivery of {@code id}; returns false for an id never sent or already forgotten. */
    boolean arrived(String id, long nanos) {
        return arrived(id, nanos, deliveries);
    }

    /** Records the delivery of {@code id} under {@code deliveries}; false for an id never sent or forgotten. */
    boolean arrived(String id, long nanos, Metric deliveries) {
        Long sent = sentAt.get(id);
        if (sent == null) {
            return false;
        }
        deliveries.started(sent); // one sample per delivery: a message to many users is delivered many times
        deliveries.recordSuccess(sent, nanos);
        return true;
    }

    private void sweep(long now) {
        for (Iterator<Long> it = sentAt.values().iterator(); it.hasNext(); ) {
            if (now - it.next() > TTL_NANOS) {
                it.remove();
            }
        }
    }
}
