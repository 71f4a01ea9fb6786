package dev.horde.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All metrics of one load test run, created on first use. Lookups of existing metrics take no lock.
 */
public final class MetricRegistry {

    /** Name of the metric that times whole iterations of the test body. */
    public static final String ITERATION = "iteration";
    /** Name that budgets and reports use for all requests together. */
    public static final String ALL_REQUESTS = "*";

    private final RecordingWindow window;
    private final ConcurrentHashMap<String, Metric> requests = new ConcurrentHashMap<>();
    private final Metric iteration;
    private final ErrorSamples errorSamples = new ErrorSamples();

    /** A registry that counts samples starting at or after {@code measureFromNanos} ({@link System#nanoTime()}). */
    public MetricRegistry(long measureFromNanos) {
        this.window = new RecordingWindow(measureFromNanos);
        this.iteration = new Metric(ITERATION, MetricKind.ITERATION, window);
    }

    /** The request metric of this name, created on first use. */
    public Metric request(String name) {
        Metric metric = requests.get(name);
        return metric != null ? metric : requests.computeIfAbsent(name, n -> new Metric(n, MetricKind.REQUEST, window));
    }

    /** The metric of whole iterations. */
    public Metric iteration() {
        return iteration;
    }

    /** Keeps {@code failure} as an example of {@code cause} if it is among the first distinct causes. */
    public void sampleError(Metric metric, String cause, Throwable failure) {
        errorSamples.offer(metric.name(), cause, failure);
    }

    /** Start of the measured window, in {@link System#nanoTime()} terms. */
    public long measureFromNanos() {
        return window.measureFromNanos();
    }

    /** Stops counting: samples recorded from now on are dropped. */
    public void close() {
        window.close();
    }

    /** Everything recorded so far: request metrics by name, then {@value #ITERATION}. */
    public RunMetrics snapshot() {
        Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
        List<MetricSnapshot> requestSnapshots = new ArrayList<>();
        requests.keySet().stream().sorted().forEach(name -> {
            MetricSnapshot snapshot = requests.get(name).snapshot();
            requestSnapshots.add(snapshot);
            byName.put(name, snapshot);
        });
        byName.put(ITERATION, iteration.snapshot());
        MetricSnapshot all = requestSnapshots.isEmpty()
                ? null
                : MetricSnapshot.combine(ALL_REQUESTS, MetricKind.REQUEST, requestSnapshots);
        return new RunMetrics(byName, all, errorSamples.snapshot());
    }
}
