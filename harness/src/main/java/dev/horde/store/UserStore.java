package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * What a virtual user knows, read-only: the view a {@link dev.horde.control.UserController} decides from. The
 * collections it returns are unmodifiable snapshots; only the user entity writes, through {@link MutableUserStore}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UserStore {

    /** A store that knows nothing, for users without state. */
    UserStore EMPTY = new MemStore().readOnly();

    /** The value in {@code slot}, if any. */
    <T> Optional<T> get(Slot<T> slot);

    /** The value under {@code key} in {@code table}, if any. */
    <K, V> Optional<V> get(Table<K, V> table, K key);

    /** Every entry of {@code table}, as an unmodifiable snapshot. */
    <K, V> Map<K, V> all(Table<K, V> table);

    /** The entries of {@code inbox}, oldest first, as an unmodifiable snapshot. */
    <E> List<E> peek(Inbox<E> inbox);

    /** The oldest entry of {@code inbox} that matches, if any. */
    default <E> Optional<E> find(Inbox<E> inbox, Predicate<? super E> match) {
        return peek(inbox).stream().filter(match).findFirst();
    }
}
