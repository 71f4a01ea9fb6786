package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a run measured and how it ended.
 *
 * @param metrics every metric, as of the end of the run
 * @param measuredWindow from the end of the warm-up to the end of measuring
 * @param elapsed from the start of the first user to the end of the run
 * @param usersPlanned how many virtual users the plan asked for
 * @param usersStarted how many of them started before the run ended
 * @param maxStartDelay how much later than planned the latest user started: more than a few milliseconds means the
 *     load generator could not keep up with its schedule
 * @param usersNotStopped users still running after the grace period and an interrupt: their threads are abandoned
 * @param interrupted whether the run was cut short by an interrupt of the thread that ran it
 * @param generatorCpu share of all cores this JVM used once all users had started and the warm-up was over, from 0
 *     to 1; NaN if unknown
 * @param schedule how well intended iteration starts were kept (open model, paced users); null when iterations had
 *     none
 * @param stoppedEarly why the run stopped before its duration, e.g. the target was unreachable; null if it did not
 * @param stoppedOnBreach whether it stopped because a budget broke for good ({@code abortOnBreach})
 */
@API(status = INTERNAL, since = "0.1")
public record RunOutcome(
        RunMetrics metrics,
        Duration measuredWindow,
        Duration elapsed,
        int usersPlanned,
        int usersStarted,
        Duration maxStartDelay,
        int usersNotStopped,
        boolean interrupted,
        double generatorCpu,
        ScheduleStats schedule,
        String stoppedEarly,
        boolean stoppedOnBreach) {

    /** Above this share of all cores, latencies include the generator's own queueing. */
    public static final double SATURATED_CPU = 0.9;

    /** Users that start later than this make the run a different test from the one planned. */
    public static final Duration LATE_START = Duration.ofSeconds(1);

    /** Whether users started late or not at all although the run was not cut short: the schedule was not kept. */
    public boolean scheduleMissed() {
        return !interrupted && stoppedEarly == null && (usersStarted < usersPlanned || maxStartDelay.compareTo(LATE_START) > 0);
    }

    /** From this share of the measured window on, the run's latencies count as including generator queueing. */
    public static final double SATURATED_SHARE = 0.1;

    /**
     * Whether the cores were so busy that the measurements are suspect: this JVM over the whole steady window, or the
     * machine in at least {@link #SATURATED_SHARE} of the measured window's seconds.
     */
    public boolean generatorSaturated() {
        return generatorCpu > SATURATED_CPU || saturatedShare() >= SATURATED_SHARE;
    }

    /**
     * The share of the measured window's seconds in which more than {@link #SATURATED_CPU} of all cores were busy
     * (all processes; this JVM's share where the machine's is unknown): there, latencies include requests waiting for
     * a core, whoever kept the cores busy. NaN if unknown.
     */
    public double saturatedShare() {
        long known = 0;
        long saturated = 0;
        for (Interval interval : metrics.timeSeries()) {
            double busy = Double.isNaN(interval.machineCpu()) ? interval.generatorCpu() : interval.machineCpu();
            if (interval.measured() && !Double.isNaN(busy)) {
                known++;
                if (busy > SATURATED_CPU) {
                    saturated++;
                }
            }
        }
        return known == 0 ? Double.NaN : (double) saturated / known;
    }
}
