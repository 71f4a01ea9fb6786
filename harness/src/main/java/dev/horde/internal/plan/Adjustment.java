package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A setting the run uses other than the annotation wrote it, and why: {@code users 100 → 10
 * (horde.users.factor=0.1)}, or a value the annotation left out and Horde derived, such as the pool of an open-model
 * test sized from its rate.
 *
 * @param setting what changed, e.g. {@code users}, {@code rate}, {@code duration}
 * @param declared the annotation's value, or {@code not set}
 * @param effective the value the run uses
 * @param by the configuration parameters that changed it, or how it was derived
 */
@API(status = INTERNAL, since = "0.1")
public record Adjustment(String setting, String declared, String effective, String by) {

    /** What the annotation leaves out shows as this. */
    public static final String NOT_SET = "not set";

    @Override
    public String toString() {
        return setting + " " + declared + " → " + effective + " (" + by + ")";
    }
}
