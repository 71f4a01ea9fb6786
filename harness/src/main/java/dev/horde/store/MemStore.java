package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * An in-memory {@link MutableUserStore}: slots and tables in concurrent maps, inboxes in bounded queues guarded by
 * their own monitor. Safe for a user's own thread and the threads that deliver its events.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MemStore implements MutableUserStore {

    private final Map<Slot<?>, Object> slots = new ConcurrentHashMap<>();
    private final Map<Table<?, ?>, Map<Object, Object>> tables = new ConcurrentHashMap<>();
    private final Map<Inbox<?>, Deque<Object>> inboxes = new ConcurrentHashMap<>();
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
        Deque<Object> entries = inboxes.get(inbox);
        if (entries == null) {
            return List.of();
        }
        synchronized (entries) {
            return (List<E>) Collections.unmodifiableList(new ArrayList<>(entries));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Optional<E> find(Inbox<E> inbox, Predicate<? super E> match) {
        Deque<Object> entries = inboxes.get(inbox);
        if (entries == null) {
            return Optional.empty();
        }
        synchronized (entries) { // scanned in place: awaiting an event polls this often
            for (Object entry : entries) {
                if (match.test((E) entry)) {
                    return Optional.of((E) entry);
                }
            }
        }
        return Optional.empty();
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
        Deque<Object> entries = inboxes.computeIfAbsent(inbox, i -> new ArrayDeque<>());
        synchronized (entries) {
            if (entries.size() >= inbox.capacity()) {
                entries.pollFirst();
            }
            entries.addLast(inbox.type().cast(entry));
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> List<E> take(Inbox<E> inbox, Predicate<? super E> match) {
        Deque<Object> entries = inboxes.get(inbox);
        if (entries == null) {
            return List.of();
        }
        List<E> taken = new ArrayList<>();
        synchronized (entries) {
            for (Iterator<Object> it = entries.iterator(); it.hasNext(); ) {
                E entry = (E) it.next();
                if (match.test(entry)) {
                    taken.add(entry);
                    it.remove();
                }
            }
        }
        return taken;
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
