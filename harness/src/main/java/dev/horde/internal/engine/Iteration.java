package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** One iteration of one virtual user: the load test's body, called in a loop. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface Iteration {

    /** Runs once; any exception or error fails this iteration only. */
    void run() throws Throwable;
}
