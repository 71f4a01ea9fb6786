package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * An in-memory {@link MutableUserStore}: slots and tables in concurrent maps, inboxes in bounded queues guarded by
 * their own lock, which wakes a user {@linkplain #awaitTake awaiting} an entry as soon as one arrives. Safe for a
 * user's own thread and the threads that deliver its events; a waiting virtual thread does not pin its carrier.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MemStore implements MutableUserStore {

    private final Map<Slot<?>, Object> slots = new ConcurrentHashMap<>();
    private final Map<Table<?, ?>, Map<Object, Object>> tables = new ConcurrentHashMap<>();
    private final Map<Inbox<?>, Entries> inboxes = new ConcurrentHashMap<>();
    private final UserStore readOnly = new ReadOnlyView(this);

    @Override
    public <T> Optional<T> get(Slot<T> slot) {
        return Optional.ofNullable(slot.type().cast(slots.get(slot)));
    }

    @Override
    public <K, V> Optional<V> get(Table<K, V> table, K key) {
        Map<Object, Object> entries = tables.get(table);
        return entries == null ? Optional.empty() : Optional.ofNullable(table.valueType().cast(entries.get(key)));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> all(Table<K, V> table) {
        Map<Object, Object> entries = tables.get(table);
        return entries == null ? Map.of() : (Map<K, V>) Map.copyOf(entries);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> List<E> peek(Inbox<E> inbox) {
        Entries entries = inboxes.get(inbox);
        if (entries == null) {
            return List.of();
        }
        entries.lock.lock();
        try {
            return (List<E>) Collections.unmodifiableList(new ArrayList<>(entries.queue));
        } finally {
            entries.lock.unlock();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Optional<E> find(Inbox<E> inbox, Predicate<? super E> match) {
        Entries entries = inboxes.get(inbox);
        if (entries == null) {
            return Optional.empty();
        }
        entries.lock.lock();
        try {
            for (Object entry : entries.queue) {
                if (match.test((E) entry)) {
                    return Optional.of((E) entry);
                }
            }
            return Optional.empty();
        } finally {
            entries.lock.unlock();
        }
    }

    @Override
    public <T> void put(Slot<T> slot, T value) {
        slots.put(slot, slot.type().cast(value));
    }

    @Override
    public void clear(Slot<?> slot) {
        slots.remove(slot);
    }

    @Override
    public <K, V> void put(Table<K, V> table, K key, V value) {
        tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(key, table.valueType().cast(value));
    }

    @Override
    public <K, V> void remove(Table<K, V> table, K key) {
        Map<Object, Object> entries = tables.get(table);
        if (entries != null) {
            entries.remove(key);
        }
    }

    @Override
    public <E> void add(Inbox<E> inbox, E entry) {
        Entries entries = entries(inbox);
        Object checked = inbox.type().cast(entry);
        entries.lock.lock();
        try {
            if (entries.queue.size() >= inbox.capacity()) {
                entries.queue.pollFirst();
            }
            entries.queue.addLast(checked);
            entries.arrived.signalAll();
        } finally {
            entries.lock.unlock();
        }
    }

    @Override
    public <E> List<E> take(Inbox<E> inbox, Predicate<? super E> match) {
        Entries entries = inboxes.get(inbox);
        if (entries == null) {
            return List.of();
        }
        List<E> taken = new ArrayList<>();
        entries.lock.lock();
        try {
            takeMatching(entries, match, taken, Integer.MAX_VALUE);
        } finally {
            entries.lock.unlock();
        }
        return taken;
    }

    /**
     * Waits until {@code inbox} holds an entry {@code match} accepts, or {@code timeout} has passed; takes the oldest
     * such entry out and returns it, or empty at the timeout. Wakes as soon as a matching entry is added.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public <E> Optional<E> awaitTake(Inbox<E> inbox, Predicate<? super E> match, Duration timeout)
            throws InterruptedException {
        Entries entries = entries(inbox);
        long remaining = timeout.toNanos();
        List<E> taken = new ArrayList<>(1);
        entries.lock.lock();
        try {
            while (!takeMatching(entries, match, taken, 1)) {
                if (remaining <= 0) {
                    return Optional.empty();
                }
                remaining = entries.arrived.awaitNanos(remaining);
            }
            return Optional.of(taken.get(0));
        } finally {
            entries.lock.unlock();
        }
    }

    /** Moves up to {@code most} matching entries of {@code entries}, oldest first, to {@code taken}; whether any. */
    @SuppressWarnings("unchecked")
    private static <E> boolean takeMatching(Entries entries, Predicate<? super E> match, List<E> taken, int most) {
        int before = taken.size();
        for (Iterator<Object> it = entries.queue.iterator(); it.hasNext() && taken.size() - before < most; ) {
            E entry = (E) it.next();
            if (match.test(entry)) {
                taken.add(entry);
                it.remove();
            }
        }
        return taken.size() > before;
    }

    private Entries entries(Inbox<?> inbox) {
        return inboxes.computeIfAbsent(inbox, i -> new Entries());
    }

    /** An inbox's entries, oldest first, with the lock that guards them and the condition of an arrival. */
    private static final class Entries {
        final Deque<Object> queue = new ArrayDeque<>();
        final ReentrantLock lock = new ReentrantLock();
        final Condition arrived = lock.newCondition();
    }

    @Override
    public UserStore readOnly() {
        return readOnly;
    }

    /** Delegates reads only; a separate class, so a controller cannot cast it to {@link MutableUserStore}. */
    private record ReadOnlyView(UserStore store) implements UserStore {

        @Override
        public <T> Optional<T> get(Slot<T> slot) {
            return store.get(slot);
        }

        @Override
        public <K, V> Optional<V> get(Table<K, V> table, K key) {
            return store.get(table, key);
        }

        @Override
        public <K, V> Map<K, V> all(Table<K, V> table) {
            return store.all(table);
        }

        @Override
        public <E> List<E> peek(Inbox<E> inbox) {
            return store.peek(inbox);
        }

        @Override
        public String toString() {
            return "read-only view of " + store.getClass().getSimpleName();
        }
    }
}
