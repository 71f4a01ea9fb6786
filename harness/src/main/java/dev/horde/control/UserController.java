package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.store.UserStore;
import dev.horde.user.User;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A virtual user's behaviour, kept apart from its state: it decides what the user does next from what the user knows
 * (a read-only {@link UserStore}) and a random generator seeded per user, so a run can be replayed from its seed.
 * Named with {@link dev.horde.LoadTest#controller()}; one instance per virtual user, created with a no-argument
 * constructor, so it may keep its own position.
 *
 * @param <U> the kind of user it drives
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface UserController<U extends User> {

    /** The next step; called on the user's thread once per iteration. */
    Step<U> next(UserStore store, RandomGenerator random);
}
