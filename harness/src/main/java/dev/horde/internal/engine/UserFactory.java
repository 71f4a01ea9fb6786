package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/** Creates what a virtual user runs, once per user, on that user's own thread. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface UserFactory {

    /**
     * The script of the user numbered {@code userIndex} (from 0), with its own random generator, seeded from the
     * run's seed and the index so that a run can be replayed. A failure here keeps that user from running.
     */
    UserScript newUser(int userIndex, RandomGenerator random) throws Throwable;
}
