package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Names an ordered, bounded queue of things that arrive for a user, such as unread WebSocket events. When full, the
 * oldest entry makes room for the newest.
 *
 * @param name what the inbox holds, for messages
 * @param type the entries' type
 * @param capacity how many entries it keeps at most
 * @param <E> the entries' type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Inbox<E>(String name, Class<E> type, int capacity) {

    /** Default capacity: enough for a burst of events, small enough for thousands of users. */
    public static final int DEFAULT_CAPACITY = 256;

    /** An inbox of {@link #DEFAULT_CAPACITY} entries. */
    public static <E> Inbox<E> of(String name, Class<E> type) {
        return new Inbox<>(name, type, DEFAULT_CAPACITY);
    }
}
