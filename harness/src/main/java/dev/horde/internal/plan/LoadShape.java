package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The load over time as a line through {@link PlannedStage}s, starting from 0: users (closed model) or iterations per
 * second (open model). Tells when each user is active and when each iteration should arrive.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadShape {

    private final long[] ends;      // nanos from the start at which each stage ends
    private final double[] from;    // level at each stage's start
    private final double[] to;      // level at each stage's end

    /** The shape through {@code stages}, in order. */
    public LoadShape(List<PlannedStage> stages) {
        ends = new long[stages.size()];
        from = new double[stages.size()];
        to = new double[stages.size()];
        long end = 0;
        double level = 0;
        for (int i = 0; i < stages.size(); i++) {
            PlannedStage stage = stages.get(i);
            end += stage.duration().toNanos();
            ends[i] = end;
            from[i] = level;
            to[i] = stage.target();
            level = stage.target();
        }
    }

    /** The level {@code nanos} after the start: users (closed model) or iterations per second (open model). */
    public double levelAt(long nanos) {
        for (int i = 0; i < ends.length; i++) {
            if (nanos < ends[i]) {
                long length = length(i);
                double done = length == 0 ? 1 : 1 - (double) (ends[i] - nanos) / length;
                return from[i] + (to[i] - from[i]) * Math.max(0, done);
            }
        }
        return ends.length == 0 ? 0 : to[ends.length - 1];
    }

    /** Nanos from the start to the end of the last stage. */
    public long lengthNanos() {
        return ends.length == 0 ? 0 : ends[ends.length - 1];
    }

    /**
     * When user {@code index} (from 0) is active in the closed model: while the level is above {@code index}. Each
     * window is {@code [start, end)} in nanos from the start; the last may end at {@link #lengthNanos()}.
     */
    public List<long[]> activeWindows(int index) {
        List<long[]> windows = new ArrayList<>(1);
        long openedAt = -1;
        for (int i = 0; i < ends.length; i++) {
            long start = ends[i] - length(i);
            boolean aboveAtStart = from[i] > index || length(i) == 0 && to[i] > index;
            boolean aboveAtEnd = to[i] > index;
            if (openedAt < 0 && aboveAtStart) {
                openedAt = start;
            }
            if (openedAt < 0 && aboveAtEnd) {
                openedAt = start + (long) ((index - from[i]) / (to[i] - from[i]) * length(i));
            } else if (openedAt >= 0 && !aboveAtEnd) {
                long closedAt = length(i) == 0 ? start
                        : start + (long) Math.ceil((from[i] - index) / (from[i] - to[i]) * length(i));
                if (closedAt > openedAt) {
                    windows.add(new long[] {openedAt, closedAt});
                }
                openedAt = -1;
            }
        }
        if (openedAt >= 0) {
            windows.add(new long[] {openedAt, lengthNanos()});
        }
        return windows;
    }

    /** The arrival times of the open model, in order: the k-th arrival comes when the area under the line reaches k. */
    public ArrivalTimes arrivalTimes() {
        return new ArrivalTimes();
    }

    /** The time into a stage at which the area under a line from r0 to r1 over {@code seconds} reaches {@code area}. */
    private static double solve(double r0, double r1, double seconds, double area) {
        double slope = (r1 - r0) / seconds;
        if (Math.abs(slope) < 1e-12) {
            return area / r0;
        }
        double discriminant = r0 * r0 + 2 * slope * area;
        return (-r0 + Math.sqrt(Math.max(0, discriminant))) / slope;
    }

    private long length(int stage) {
        return stage == 0 ? ends[0] : ends[stage] - ends[stage - 1];
    }

    /** Walks through arrival times; one per run, used by one thread. */
    public final class ArrivalTimes {

        private int stage;
        private double areaBefore; // arrivals (area) before the current stage
        private long next;          // index of the next arrival

        private ArrivalTimes() {
        }

        /** Nanos from the start of the next arrival, or -1 when the shape has ended. */
        public long next() {
            double wanted = next;
            while (stage < ends.length) {
                double seconds = length(stage) / 1e9;
                double r0 = from[stage];
                double r1 = to[stage];
                double stageArea = (r0 + r1) / 2 * seconds;
                double within = wanted - areaBefore;
                if (within < stageArea) {
                    double t = solve(r0, r1, seconds, within);
                    next++;
                    long start = ends[stage] - length(stage);
                    return start + Math.min(length(stage) - 1, (long) (t * 1e9));
                }
                areaBefore += stageArea;
                stage++;
            }
            return -1;
        }
    }
}
