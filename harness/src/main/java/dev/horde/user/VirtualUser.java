package dev.horde.user;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricKind;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * What the code of a load test asks of the virtual user running it: its number, its random generator, and the timing
 * of any block under a name of the test's choosing. Called from a load test's method body, a {@link User} or a
 * controller step, on the virtual user's own thread.
 *
 * <pre>{@code
 * @LatencyBudget(metric = "GraphQL posts", p95 = "200ms")
 * @LoadTest(users = 20, duration = "30s")
 * void posts() {
 *     long author = VirtualUser.random().nextLong(1, 1_000);
 *     VirtualUser.time("GraphQL posts", () -> graphQl.execute(postsBy(author)));
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class VirtualUser {

    private VirtualUser() {
    }

    /**
     * The running user's number, from 0 to users − 1 (in the open model, the number of the pool's user).
     *
     * @throws IllegalStateException when not called on a virtual user's thread
     */
    public static int index() {
        return current("index()").index();
    }

    /**
     * The running user's random generator: seeded from the run's seed ({@code horde.seed}, printed in every summary)
     * and the user's number, so a run with the same seed makes the same random choices. Not shared between users.
     *
     * @throws IllegalStateException when not called on a virtual user's thread
     */
    public static RandomGenerator random() {
        return current("random()").random();
    }

    /**
     * Runs {@code block} and records it as one sample of the request metric {@code name}, which budgets name like any
     * other metric: a success when it returns, a failure when it throws (counted under the exception's type and
     * message, then rethrown). For clients Horde does not record itself (a GraphQL or gRPC client, a database query);
     * a request Horde records already would count twice. Outside a virtual user the block just runs.
     *
     * @return what {@code block} returned
     * @throws E what {@code block} threw
     */
    public static <T, E extends Exception> T time(String name, TimedCall<T, E> block) throws E {
        UserContext user = UserContext.get();
        if (user == null) {
            return block.call();
        }
        Metric metric = user.metrics().metric(checkedName(name), MetricKind.REQUEST);
        long start = metric.start();
        try {
            T result = block.call();
            metric.recordSuccess(start, System.nanoTime());
            return result;
        } catch (RuntimeException | Error e) {
            fail(metric, start, e);
            throw e;
        } catch (Exception e) {
            fail(metric, start, e);
            throw e;
        }
    }

    /** Like {@link #time(String, TimedCall)}, for a block that returns nothing. */
    public static <E extends Exception> void time(String name, TimedBlock<E> block) throws E {
        time(name, () -> {
            block.run();
            return null;
        });
    }

    private static void fail(Metric metric, long start, Throwable failure) {
        String cause = FailureCause.of(failure);
        metric.recordFailure(start, System.nanoTime(), cause, failure);
    }

    private static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("VirtualUser.time needs a metric name, e.g. \"GraphQL posts\", but was ["
                    + name + "]");
        }
        return name.strip();
    }

    private static UserContext current(String method) {
        UserContext user = UserContext.get();
        if (user == null) {
            throw new IllegalStateException("VirtualUser." + method + " was called on thread ["
                    + Thread.currentThread().getName() + "], which runs no virtual user: call it from a @LoadTest"
                    + " method, a User or a controller step, on the user's own thread");
        }
        return user;
    }

    /** A block that returns a value and may throw {@code E}. */
    @FunctionalInterface
    public interface TimedCall<T, E extends Exception> {
        T call() throws E;
    }

    /** A block that returns nothing and may throw {@code E}. */
    @FunctionalInterface
    public interface TimedBlock<E extends Exception> {
        void run() throws E;
    }
}
