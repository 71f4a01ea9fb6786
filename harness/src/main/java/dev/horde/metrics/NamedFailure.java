package dev.horde.metrics;

/** An exception that names the cause it is counted under, e.g. {@code ws event not received}. */
public interface NamedFailure {

    /** The cause, in a few words. */
    String failureCause();
}
