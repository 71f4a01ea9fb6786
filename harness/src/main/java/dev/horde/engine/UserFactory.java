package dev.horde.engine;

import java.util.random.RandomGenerator;

/** Creates what a virtual user runs, once per user, on that user's own thread. */
@FunctionalInterface
public interface UserFactory {

    /**
     * The script of the user numbered {@code userIndex} (from 0), with its own random generator, seeded from the
     * run's seed and the index so that a run can be replayed. A failure here keeps that user from running.
     */
    UserScript newUser(int userIndex, RandomGenerator random) throws Throwable;
}
