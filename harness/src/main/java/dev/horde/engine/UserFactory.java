package dev.horde.engine;

/** Creates what a virtual user runs, once per user, on that user's own thread. */
@FunctionalInterface
public interface UserFactory {

    /** The iteration of the user numbered {@code userIndex} (from 0); a failure here keeps that user from running. */
    Iteration newUser(int userIndex) throws Throwable;
}
