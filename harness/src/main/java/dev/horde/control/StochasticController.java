package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.store.UserStore;
import dev.horde.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * A controller that picks each next action at random by weight, among those whose precondition holds, and pauses a
 * think time drawn from a distribution. Draws come from the user's seeded generator, so a run replays exactly from its
 * seed. Extend it with a no-argument constructor:
 *
 * <pre>{@code
 * public class ChatMix extends StochasticController<ChatUser> {
 *     public ChatMix() {
 *         super(StochasticController.<ChatUser>mix()
 *                 .action("post", 40, user -> user.post("hello"))
 *                 .action("read channel", 30, ChatUser::readChannel)
 *                 .action("edit post", 10, store -> store.get(ChatUser.LAST_POST).isPresent(), ChatUser::editLastPost)
 *                 .thinkTime(ThinkTime.exponential(Duration.ofSeconds(2))));
 *     }
 * }
 * }</pre>
 *
 * @param <U> the kind of user it drives
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class StochasticController<U extends User> implements UserController<U> {

    private final List<Choice<U>> choices;
    private final ThinkTime thinkTime;

    /** A controller that draws from {@code mix}. */
    protected StochasticController(Mix<U> mix) {
        if (mix.choices.isEmpty()) {
            throw new IllegalArgumentException("a StochasticController needs at least one action");
        }
        this.choices = List.copyOf(mix.choices);
        this.thinkTime = mix.thinkTime;
    }

    /** Starts describing a mix of actions. */
    public static <U extends User> Mix<U> mix() {
        return new Mix<>();
    }

    @Override
    public Step<U> next(UserStore store, RandomGenerator random) {
        double total = 0;
        for (Choice<U> choice : choices) {
            if (choice.when.test(store)) {
                total += choice.weight;
            }
        }
        if (total == 0) {
            throw new IllegalStateException("no action of this mix is possible in the user's current state");
        }
        double draw = random.nextDouble(total);
        Choice<U> picked = null;
        for (Choice<U> choice : choices) {
            if (choice.when.test(store)) {
                picked = choice;
                draw -= choice.weight;
                if (draw < 0) {
                    break;
                }
            }
        }
        return new Step<>(picked.name, picked.action, thinkTime.next(random));
    }

    private record Choice<U extends User>(String name, double weight, Predicate<UserStore> when, Action<U> action) {
    }

    /**
     * Weighted actions and a think time.
     *
     * @param <U> the kind of user
     */
    public static final class Mix<U extends User> {
        private final List<Choice<U>> choices = new ArrayList<>();
        private ThinkTime thinkTime = ThinkTime.NONE;

        private Mix() {
        }

        /** Adds an action always possible, picked with probability weight / total weight. */
        public Mix<U> action(String name, double weight, Action<U> action) {
            return action(name, weight, store -> true, action);
        }

        /** Adds an action possible only when {@code when} holds for the user's store. */
        public Mix<U> action(String name, double weight, Predicate<UserStore> when, Action<U> action) {
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("action '" + name + "' needs a weight > 0 but was " + weight);
            }
            choices.add(new Choice<>(name, weight, when, action));
            return this;
        }

        /** Sets the pause after each action. */
        public Mix<U> thinkTime(ThinkTime thinkTime) {
            this.thinkTime = thinkTime;
            return this;
        }
    }
}
