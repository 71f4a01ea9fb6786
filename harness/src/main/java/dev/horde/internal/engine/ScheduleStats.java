package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import org.apiguardian.api.API;

/**
 * How well a run kept the intended start times of its iterations (open model and paced users), over the measured
 * window.
 *
 * @param due iterations whose intended start fell in the measured window
 * @param started how many of them started
 * @param late how many started more than {@link dev.horde.internal.plan.LoadPlan#LATE} after their intended start
 * @param dropped how many never started: no user was free before the run ended
 * @param maxLag how late the latest iteration started
 */
@API(status = INTERNAL, since = "0.1")
public record ScheduleStats(long due, long started, long late, long dropped, Duration maxLag) {

    /** Above this share of late or dropped iterations, the run did not apply the load it planned. */
    public static final double TOLERANCE = 0.01;
    /** Fewer late or dropped iterations than this never make a run behind: one GC pause is not a missed schedule. */
    public static final long MIN_MISSED = 10;

    /** Share of due iterations that started late or never. */
    public double missedRatio() {
        return due == 0 ? 0 : (double) (late + dropped) / due;
    }

    /** Whether more than {@link #TOLERANCE} of the iterations, and at least {@link #MIN_MISSED}, started late or never. */
    public boolean behind() {
        return late + dropped >= MIN_MISSED && missedRatio() > TOLERANCE;
    }
}
