package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/** What one virtual user does over its life: set up once, iterate, tear down once, release what it holds. */
@API(status = INTERNAL, since = "0.1")
public interface UserScript {

    /** Once, before the first iteration; a failure keeps this user from iterating. */
    default void setUp() throws Throwable {
    }

    /** One iteration; returns how long the user pauses before the next one ({@link Duration#ZERO} for none). */
    Duration iterate() throws Throwable;

    /** Once, after the last iteration, if {@link #setUp()} succeeded. */
    default void tearDown() throws Throwable {
    }

    /** Whether {@link #setUp()} runs code the test wrote, so it is timed as {@code user setup}. */
    default boolean hasSetUp() {
        return false;
    }

    /** Whether {@link #tearDown()} runs code the test wrote, so it is timed as {@code user teardown}. */
    default boolean hasTearDown() {
        return false;
    }

    /** Releases what the user holds (sockets, clients), however the user ended; must not throw. */
    default void close() {
    }

    /** A script whose iterations run {@code iteration} and never pause. */
    static UserScript of(Iteration iteration) {
        return () -> {
            iteration.run();
            return Duration.ZERO;
        };
    }
}
