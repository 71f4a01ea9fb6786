package dev.horde.bench;

import dev.horde.internal.engine.Progress;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.MetricKind;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Prints, for every block of {@code blockSeconds} of a run, how many requests it made, the CPU this JVM spent per
 * request and the median latency: the curve of a JVM warming up. Each line:
 * {@code curve since_jvm_start_s=… requests=… rps=… cpu_ms_per_request=… p50_ms=…}.
 */
final class WarmUpCurve implements RunObserver {

    private final int blockSeconds;
    private final PrintStream out;
    private final Histogram block = new Histogram(3);
    private int intervals;
    private long blockCpuNanos = processCpuNanos();
    private long blockStartNanos = System.nanoTime();

    WarmUpCurve(int blockSeconds, PrintStream out) {
        this.blockSeconds = blockSeconds;
        this.out = out;
    }

    @Override
    public void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs,
            Histogram histogram) {
        if (kind == MetricKind.REQUEST) { // the loop's one request metric, successes and failures
            block.add(histogram);
        }
    }

    @Override
    public void onInterval(Interval interval, Progress progress) {
        if (++intervals % blockSeconds != 0) {
            return;
        }
        long cpu = processCpuNanos();
        long now = System.nanoTime();
        long requests = block.getTotalCount();
        out.printf(Locale.ROOT, "curve since_jvm_start_s=%d requests=%d rps=%.0f cpu_ms_per_request=%.3f p50_ms=%.2f%n",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, requests,
                requests / ((now - blockStartNanos) / 1e9),
                requests == 0 ? Double.NaN : (cpu - blockCpuNanos) / 1e6 / requests,
                requests == 0 ? Double.NaN : block.getValueAtPercentile(50) / 1e3);
        block.reset();
        blockCpuNanos = cpu;
        blockStartNanos = now;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }
}
