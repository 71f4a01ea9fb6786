package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * One stage of a load shape: over {@code duration}, the load moves in a straight line from where the previous stage
 * ended (0 before the first) to {@code target}: users in the closed model, iterations per second in the open model.
 *
 * @param duration how long the stage lasts, &gt;= 0 (0 jumps to the target at once)
 * @param target the users or the rate at the end of the stage, &gt;= 0
 */
@API(status = INTERNAL, since = "0.1")
public record PlannedStage(Duration duration, double target) {
}
