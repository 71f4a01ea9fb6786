package dev.horde.plan;

/** How load is applied. */
public enum LoadModel {
    /** A number of users, each starting its next iteration when the previous one (and its pause) ended. */
    CLOSED,
    /** Iterations arrive at a rate, whatever the target's latency; a pool of users runs them. */
    OPEN
}
