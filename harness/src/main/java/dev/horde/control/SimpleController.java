package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.store.UserStore;
import dev.horde.user.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * The deterministic controller: runs actions in order, the first ones once, the rest in a loop —
 * signup → login → post → logout → login → post → logout → …. Extend it with a no-argument constructor:
 *
 * <pre>{@code
 * public class ChatLoop extends SimpleController<ChatUser> {
 *     public ChatLoop() {
 *         super(SimpleController.<ChatUser>once("signup", ChatUser::signup)
 *                 .repeat("login", ChatUser::login)
 *                 .repeat("post", user -> user.post("town-square", "hello"))
 *                 .repeat("logout", ChatUser::logout));
 *     }
 * }
 * }</pre>
 *
 * @param <U> the kind of user it drives
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class SimpleController<U extends User> implements UserController<U> {

    private final List<Step<U>> once;
    private final List<Step<U>> loop;
    private int position;

    /** A controller that runs {@code sequence}. */
    protected SimpleController(Sequence<U> sequence) {
        if (sequence.loop.isEmpty()) {
            throw new IllegalArgumentException("a SimpleController needs at least one repeated action");
        }
        this.once = List.copyOf(sequence.once);
        this.loop = List.copyOf(sequence.loop);
    }

    /** Starts a sequence with an action done once, such as signing up. */
    public static <U extends User> Sequence<U> once(String name, Action<U> action) {
        return new Sequence<U>().once(name, action);
    }

    /** Starts a sequence with an action done in the loop. */
    public static <U extends User> Sequence<U> repeat(String name, Action<U> action) {
        return new Sequence<U>().repeat(name, action);
    }

    @Override
    public Step<U> next(UserStore store, RandomGenerator random) {
        Step<U> step = position < once.size() ? once.get(position) : loop.get((position - once.size()) % loop.size());
        position = position < once.size() ? position + 1 : once.size() + (position - once.size() + 1) % loop.size();
        return step;
    }

    /**
     * Actions in order: those added with {@link #once} run first, once; those added with {@link #repeat} then loop.
     *
     * @param <U> the kind of user
     */
    public static final class Sequence<U extends User> {
        private final List<Step<U>> once = new ArrayList<>();
        private final List<Step<U>> loop = new ArrayList<>();
        private Duration pause = Duration.ZERO;

        private Sequence() {
        }

        /** Adds an action done once, before the loop; all of these come before any repeated action. */
        public Sequence<U> once(String name, Action<U> action) {
            if (!loop.isEmpty()) {
                throw new IllegalStateException("'" + name + "': actions done once come before the repeated ones");
            }
            once.add(new Step<>(name, action, pause));
            return this;
        }

        /** Adds an action to the loop. */
        public Sequence<U> repeat(String name, Action<U> action) {
            loop.add(new Step<>(name, action, pause));
            return this;
        }

        /** Sets the pause after each action added from now on. */
        public Sequence<U> pause(Duration pause) {
            this.pause = pause;
            return this;
        }
    }
}
