package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Names a single value in a user's store, such as its session or current channel, with its type.
 *
 * @param name what the value is, for messages
 * @param type the value's type
 * @param <T> the value's type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Slot<T>(String name, Class<T> type) {

    /** A slot for values of {@code type}. */
    public static <T> Slot<T> of(String name, Class<T> type) {
        return new Slot<>(name, type);
    }
}
