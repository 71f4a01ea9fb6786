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
 * @param generatorCpu share of all cores this JVM used once all users had started and the warm-up was over, from 0
 *     to 1; NaN if unknown
 */
public record RunOutcome(
        RunMetrics metrics,
        Duration measuredWindow,
        Duration elapsed,
        int usersStarted,
        int usersNotStopped,
        boolean interrupted,
        double generatorCpu) {

    /** Above this share of all cores, latencies include the generator's own queueing. */
    public static final double SATURATED_CPU = 0.9;

    /** Whether the load generator was so busy that its measurements are suspect. */
    public boolean generatorSaturated() {
        return generatorCpu > SATURATED_CPU;
    }
}
