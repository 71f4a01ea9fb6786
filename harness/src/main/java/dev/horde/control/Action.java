package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.user.User;
import org.apiguardian.api.API;

/**
 * Something a user does, such as logging in or posting.
 *
 * @param <U> the kind of user
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface Action<U extends User> {

    /** Does it; any exception fails this iteration. */
    void perform(U user) throws Exception;
}
