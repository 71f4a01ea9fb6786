package dev.horde.internal.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How busy this JVM kept the machine's cores between two points in time, from the process CPU time, and how busy the
 * machine was. Requests that wait for a core (whoever keeps the cores busy: the generator, the target on the same
 * machine, another build) have that wait measured as the target's latency, so reports warn about it.
 */
final class CpuMeter {

    private static final long MIN_WINDOW_NANOS = 1_000_000_000L;

    private long startCpuNanos;
    private long startNanos;

    private CpuMeter() {
        this.startCpuNanos = processCpuNanos();
        this.startNanos = System.nanoTime();
    }

    static CpuMeter start() {
        return new CpuMeter();
    }

    /**
     * Process CPU time since start over wall time × available cores, from 0 to 1; NaN where the JVM cannot tell or
     * less than {@link #MIN_WINDOW_NANOS} passed, too short to say.
     */
    double utilisation() {
        return share(processCpuNanos(), System.nanoTime(), MIN_WINDOW_NANOS);
    }

    /**
     * Like {@link #utilisation()} over the time since the start or the last lap, which starts the next; NaN also
     * where less than half a second passed.
     */
    double lap() {
        long cpu = processCpuNanos();
        long now = System.nanoTime();
        double share = share(cpu, now, MIN_WINDOW_NANOS / 2);
        startCpuNanos = cpu;
        startNanos = now;
        return share;
    }

    /** Process CPU from the start to {@code cpu} over wall time to {@code now} × cores; NaN below {@code minWindow}. */
    private double share(long cpu, long now, long minWindow) {
        long wall = now - startNanos;
        if (cpu < 0 || startCpuNanos < 0 || wall < minWindow) {
            return Double.NaN;
        }
        return Math.min(1.0, (cpu - startCpuNanos) / (wall * (double) Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The share of the machine's CPU (or the container's, where the JVM sees a limit) in use by all processes since
     * the previous call, from 0 to 1; NaN where the JVM cannot tell.
     */
    static double machineLoad() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double load = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getCpuLoad() : -1;
        return load < 0 ? Double.NaN : Math.min(1.0, load);
    }

    /** CPU time of this process in nanoseconds, or -1 where the JVM cannot tell. */
    static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }
}
