package dev.horde.engine;

/** One iteration of one virtual user: the load test's body, called in a loop. */
@FunctionalInterface
public interface Iteration {

    /** Runs once; any exception or error fails this iteration only. */
    void run() throws Throwable;
}
