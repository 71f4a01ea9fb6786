package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** An exception that names the cause it is counted under, e.g. {@code ws event not received}. */
@API(status = INTERNAL, since = "0.1")
public interface NamedFailure {

    /** The cause, in a few words. */
    String failureCause();
}
