package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/** The write side of a user's store, used by the user entity alone. Safe for the user's thread and its listeners. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface MutableUserStore extends UserStore {

    /** Sets the value of {@code slot}. */
    <T> void put(Slot<T> slot, T value);

    /** Empties {@code slot}. */
    void clear(Slot<?> slot);

    /** Sets the value under {@code key} in {@code table}. */
    <K, V> void put(Table<K, V> table, K key, V value);

    /** Removes {@code key} from {@code table}. */
    <K, V> void remove(Table<K, V> table, K key);

    /** Appends {@code entry} to {@code inbox}, dropping the oldest entry when the inbox is full. */
    <E> void add(Inbox<E> inbox, E entry);

    /** Removes and returns every entry of {@code inbox} that matches, oldest first. */
    <E> List<E> take(Inbox<E> inbox, Predicate<? super E> match);

    /** A view of this store that can only be read, and cannot be cast back to this interface. */
    UserStore readOnly();
}
