package dev.horde.engine;

import dev.horde.chaos.ClientChaos;
import dev.horde.metrics.MetricRegistry;
import java.time.Duration;

/**
 * The virtual user running on the current thread, so clients such as REST Assured find where to record without
 * being passed anything. Virtual user threads are bound for their whole life; other threads are not.
 *
 * @param index the user's number, from 0
 * @param metrics the registry of the user's run
 * @param scope what the run's users share, such as connection pools
 * @param chaos the user's client-side chaos, {@link ClientChaos#NONE} when there is none
 */
public record CurrentUser(int index, MetricRegistry metrics, RunScope scope, ClientChaos chaos) {

    private static final ThreadLocal<CurrentUser> CURRENT = new ThreadLocal<>();

    /** The default connect and read timeout of requests. */
    public Duration requestTimeout() {
        return scope.requestTimeout();
    }

    /** The virtual user of this thread, or null on any other thread. */
    public static CurrentUser get() {
        return CURRENT.get();
    }

    void bind() {
        CURRENT.set(this);
    }

    static void unbind() {
        CURRENT.remove();
    }
}
