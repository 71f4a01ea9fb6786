package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How load is applied. */
@API(status = INTERNAL, since = "0.1")
public enum LoadModel {
    /** A number of users, each starting its next iteration when the previous one (and its pause) ended. */
    CLOSED,
    /** Iterations arrive at a rate, whatever the target's latency; a pool of users runs them. */
    OPEN;

    /** {@code "closed"} or {@code "open"}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
