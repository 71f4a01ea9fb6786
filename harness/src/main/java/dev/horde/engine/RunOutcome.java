package dev.horde.engine;

import dev.horde.metrics.RunMetrics;
import java.time.Duration;

/**
 * What a run measured and how it ended.
 *
 * @param metrics every metric, as of the end of the run
 * @param measuredWindow from the end of the warm-up to the end of measuring
 * @param elapsed from the start of the first user to the end of the run
 * @param usersStarted how many virtual users started
 * @param usersNotStopped users still running after the grace period and an interrupt: their threads are abandoned
 * @param interrupted whether the run was cut short by an interrupt of the thread that ran it
 */
public record RunOutcome(
        RunMetrics metrics,
        Duration measuredWindow,
        Duration elapsed,
        int usersStarted,
        int usersNotStopped,
        boolean interrupted) {
}
