/**
 * A user's state: typed {@link dev.horde.store.Slot}s, {@link dev.horde.store.Table}s and bounded
 * {@link dev.horde.store.Inbox}es, read through {@link dev.horde.store.UserStore} and written through
 * {@link dev.horde.store.MutableUserStore} by the user's entity only.
 */
package dev.horde.store;
