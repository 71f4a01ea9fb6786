package dev.horde.user;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.store.UserStore;
import org.apiguardian.api.API;

/**
 * A virtual user: what a {@link dev.horde.control.UserController} may make it do, and what it knows. A
 * {@link dev.horde.LoadTest} method parameter whose type implements this interface receives one instance per virtual
 * user, created with the type's no-argument constructor when the user starts and kept across all of that user's
 * iterations. Application users usually extend {@link UserEntity}.
 *
 * <p>Only the owning virtual user's thread calls it, except where an implementation says otherwise.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface User {

    /**
     * Once per virtual user, before its first iteration (e.g. sign up); timed as {@code user setup}, apart from
     * iterations. A failure keeps the user from iterating.
     */
    default void setUp() throws Exception {
    }

    /**
     * Once per virtual user, after its last iteration (e.g. log out); timed as {@code user teardown}. Skipped when
     * the user had to be interrupted at the end of the run.
     */
    default void tearDown() throws Exception {
    }

    /** What the user knows, read-only; the default user knows nothing. */
    default UserStore store() {
        return UserStore.EMPTY;
    }
}
