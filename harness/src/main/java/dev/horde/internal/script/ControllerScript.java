package dev.horde.internal.script;

import dev.horde.MetricNames;
import dev.horde.control.Step;
import dev.horde.control.UserController;
import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.store.UserStore;
import dev.horde.user.User;
import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A virtual user driven by a {@link UserController}: each iteration asks it for a step with the user's read-only
 * store and seeded generator, performs the action, timed as {@code action <name>}, and returns its think time.
 */
final class ControllerScript extends ScriptLifecycle {


    private final User user;
    private final UserStore store;
    private final UserController<User> controller;
    private final RandomGenerator random;

    ControllerScript(List<User> users, UserTypes.Lifecycle lifecycle, UserController<User> controller, RandomGenerator random) {
        super(users, lifecycle);
        this.user = users.get(0);
        this.store = user.store();
        this.controller = controller;
        this.random = random;
    }

    @Override
    public Duration iterate() throws Throwable {
        Step<User> step = controller.next(store, random);
        Metric metric = UserContext.get().metrics().metric(MetricNames.ACTION_PREFIX + step.name(), MetricKind.ACTION);
        long start = metric.start();
        try {
            step.action().perform(user);
        } catch (Throwable failure) {
            metric.recordFailure(start, System.nanoTime(), FailureCause.of(failure));
            throw failure;
        }
        metric.recordSuccess(start, System.nanoTime());
        return step.thinkTime();
    }
}
