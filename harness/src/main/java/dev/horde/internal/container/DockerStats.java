package dev.horde.internal.container;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.CpuStatsConfig;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import dev.horde.internal.prometheus.Limit;
import dev.horde.internal.prometheus.Series;
import dev.horde.internal.prometheus.TargetQuery;
import dev.horde.internal.prometheus.TargetReading;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker API's stats stream of one container target, and what it gave: a sample a second, pushed by Docker, over
 * the client Testcontainers has. Loaded only when a test has a container target.
 */
final class DockerStats extends ResultCallback.Adapter<Statistics> {

    /** Time between two of Docker's samples. */
    static final Duration STEP = Duration.ofSeconds(1);

    /**
     * One container's resources at one of Docker's samples; NaN where Docker gave no value.
     *
     * @param timeMs when Docker read them, epoch ms
     * @param cores CPU used since the previous sample, in cores
     * @param throttled share of the CPU quota's periods since the previous sample in which the container was throttled
     * @param memory memory used, without the inactive page cache (as {@code docker stats} shows it)
     * @param memoryLimit the container's memory limit (the host's memory when it has none)
     * @param received network bytes received per second since the previous sample; NaN on the host's network
     * @param sent network bytes sent per second since the previous sample; NaN on the host's network
     */
    record Sample(long timeMs, double cores, double throttled, double memory, double memoryLimit, double received,
            double sent) {
    }

    private final ContainerTarget container;
    private final List<Sample> samples = new ArrayList<>();
    private volatile String error;
    private long lastTimeMs = Long.MIN_VALUE;
    private double lastReceived = Double.NaN;
    private double lastSent = Double.NaN;

    private DockerStats(ContainerTarget container) {
        this.container = container;
    }

    /** Starts the stats stream of {@code container}; a stream Docker refuses keeps the error for its readings. */
    static DockerStats open(ContainerTarget container) {
        DockerStats stream = new DockerStats(container);
        try {
            DockerClientFactory.instance().client().statsCmd(container.containerId()).exec(stream);
        } catch (RuntimeException e) {
            stream.onError(e);
        }
        return stream;
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException | RuntimeException e) {
            // the stream is gone either way
        }
    }

    @Override
    public void onNext(Statistics stats) {
        try {
            Sample sample = sample(stats);
            if (sample != null) {
                synchronized (samples) {
                    samples.add(sample);
                }
            }
        } catch (RuntimeException e) {
            error = "Docker's stats of " + container.describe() + " could not be read: " + e;
        }
    }

    @Override
    public void onError(Throwable throwable) {
        if (error == null) {
            error = "Docker's stats of " + container.describe() + " failed: " + throwable;
        }
        super.onError(throwable);
    }

    private Sample sample(Statistics stats) {
        Instant read = instant(stats.getRead());
        Instant preread = instant(stats.getPreread());
        if (read == null) {
            return null;
        }
        long timeMs = read.toEpochMilli();
        double seconds = preread == null || preread.getEpochSecond() <= 0 ? Double.NaN
                : Duration.between(preread, read).toNanos() / 1e9;
        double cores = Double.NaN;
        double throttled = Double.NaN;
        CpuStatsConfig cpu = stats.getCpuStats();
        CpuStatsConfig before = stats.getPreCpuStats();
        if (cpu != null && before != null && cpu.getCpuUsage() != null && before.getCpuUsage() != null
                && before.getCpuUsage().getTotalUsage() != null && before.getCpuUsage().getTotalUsage() > 0
                && seconds > 0) {
            cores = (cpu.getCpuUsage().getTotalUsage() - before.getCpuUsage().getTotalUsage()) / 1e9 / seconds;
            if (cpu.getThrottlingData() != null && before.getThrottlingData() != null) {
                long periods = value(cpu.getThrottlingData().getPeriods())
                        - value(before.getThrottlingData().getPeriods());
                long throttledPeriods = value(cpu.getThrottlingData().getThrottledPeriods())
                        - value(before.getThrottlingData().getThrottledPeriods());
                throttled = periods > 0 ? (double) throttledPeriods / periods : 0;
            }
        }
        double memory = Double.NaN;
        double limit = Double.NaN;
        MemoryStatsConfig memoryStats = stats.getMemoryStats();
        if (memoryStats != null && memoryStats.getUsage() != null) {
            long inactive = 0;
            if (memoryStats.getStats() != null) {
                Long v1 = memoryStats.getStats().getTotalInactiveFile();
                Long v2 = memoryStats.getStats().getInactiveFile();
                inactive = v1 != null ? v1 : v2 != null ? v2 : 0;
            }
            memory = Math.max(0, memoryStats.getUsage() - inactive);
            limit = memoryStats.getLimit() == null ? Double.NaN : memoryStats.getLimit();
        }
        double received = Double.NaN;
        double sent = Double.NaN;
        Map<String, StatisticNetworksConfig> networks = stats.getNetworks();
        if (networks != null && !networks.isEmpty()) {
            double rx = networks.values().stream().mapToDouble(n -> value(n.getRxBytes())).sum();
            double tx = networks.values().stream().mapToDouble(n -> value(n.getTxBytes())).sum();
            if (lastTimeMs != Long.MIN_VALUE && timeMs > lastTimeMs && !Double.isNaN(lastReceived)) {
                double elapsed = (timeMs - lastTimeMs) / 1000.0;
                received = (rx - lastReceived) / elapsed;
                sent = (tx - lastSent) / elapsed;
            }
            lastReceived = rx;
            lastSent = tx;
        }
        lastTimeMs = timeMs;
        return new Sample(timeMs, cores, throttled, memory, limit, received, sent);
    }

    List<TargetReading> readings(Instant from, Instant to) {
        List<Sample> window = new ArrayList<>();
        synchronized (samples) {
            for (Sample sample : samples) {
                // a sample covers the second before it: one read up to half a step past the end still belongs
                if (sample.timeMs() > from.toEpochMilli() && sample.timeMs() <= to.toEpochMilli() + 500) {
                    window.add(sample);
                }
            }
        }
        ResourceLimits limits = container.limits();
        String label = container.label();
        String id = container.shortId();
        double memoryLimit = window.stream().mapToDouble(Sample::memoryLimit).filter(Double::isFinite).max()
                .orElse(Double.NaN);
        List<TargetReading> readings = new ArrayList<>();
        readings.add(reading(label + " cpu", "docker stats " + id + ": CPU in cores", limits.cpu(), Limit.Style.NUMBER,
                window, Sample::cores, from, to));
        readings.add(reading(label + " memory", "docker stats " + id + ": memory without the inactive page cache"
                + (Double.isNaN(memoryLimit) ? "" : ", limit " + Limit.Style.BYTES.format(memoryLimit)),
                limits.memory(), Limit.Style.BYTES, window, Sample::memory, from, to));
        boolean quota = window.stream().anyMatch(sample -> sample.throttled() > 0) || limits.throttled() != null;
        if (quota) {
            readings.add(reading(label + " cpu throttled", "docker stats " + id
                    + ": share of CPU quota periods throttled", limits.throttled(), Limit.Style.RATIO, window,
                    Sample::throttled, from, to));
        }
        if (window.stream().anyMatch(sample -> !Double.isNaN(sample.received()))) {
            readings.add(reading(label + " network in", "docker stats " + id + ": bytes received per second",
                    null, Limit.Style.BYTES_PER_SECOND, window, Sample::received, from, to));
            readings.add(reading(label + " network out", "docker stats " + id + ": bytes sent per second",
                    null, Limit.Style.BYTES_PER_SECOND, window, Sample::sent, from, to));
        }
        return readings;
    }

    private TargetReading reading(String name, String description, Limit max, Limit.Style style,
            List<Sample> window, ToDoubleFunction<Sample> value, Instant from, Instant to) {
        // Docker's first sample has no CPU figure (nothing before it to take a difference from)
        List<Sample> valued = window.stream().filter(sample -> !Double.isNaN(value.applyAsDouble(sample))).toList();
        long[] times = valued.stream().mapToLong(Sample::timeMs).toArray();
        double[] values = valued.stream().mapToDouble(value).toArray();
        ResourceLimits limits = container.limits();
        TargetQuery query = new TargetQuery(name, description, max, null, limits.over(),
                limits.where().isEmpty() ? container.where() : limits.where());
        List<Series> series = List.of(new Series(Map.of("container", container.shortId()), times, values));
        String problem = window.isEmpty() ? error : null;
        return new TargetReading(query, description, from, to, STEP, series, problem, "Docker", style);
    }

    private static long value(Long value) {
        return value == null ? 0 : value;
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
