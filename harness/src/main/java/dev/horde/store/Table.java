package dev.horde.store;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Names a keyed collection in a user's store, such as the channels or posts it knows by id.
 *
 * @param name what the collection holds, for messages
 * @param keyType the keys' type
 * @param valueType the values' type
 * @param <K> the keys' type
 * @param <V> the values' type
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Table<K, V>(String name, Class<K> keyType, Class<V> valueType) {

    /** A table from {@code keyType} to {@code valueType}. */
    public static <K, V> Table<K, V> of(String name, Class<K> keyType, Class<V> valueType) {
        return new Table<>(name, keyType, valueType);
    }
}
