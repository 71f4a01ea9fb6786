package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.chaos.ClientChaos;
import dev.horde.internal.metrics.MetricRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * The virtual user running on the current thread, so clients such as REST Assured find where to record without
 * being passed anything. Virtual user threads are bound for their whole life; other threads are not.
 *
 * @param index the user's number, from 0
 * @param metrics the registry of the user's run
 * @param scope what the run's users share, such as connection pools
 * @param chaos the user's client-side chaos, {@link ClientChaos#NONE} when there is none
 * @param random the user's random generator, seeded from the run's seed and the user's index
 */
@API(status = INTERNAL, since = "0.1")
public record UserContext(int index, MetricRegistry metrics, RunScope scope, ClientChaos chaos,
        RandomGenerator random) {

    private static final ThreadLocal<UserContext> CURRENT = new ThreadLocal<>();

    /** The default connect and read timeout of requests. */
    public Duration requestTimeout() {
        return scope.requestTimeout();
    }

    /** The service the user's clients reach by default; null when none is configured. */
    public URI target() {
        return scope.target();
    }

    /** The virtual user of this thread, or null on any other thread. */
    public static UserContext get() {
        return CURRENT.get();
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }
}
