package dev.horde.metrics;

import java.util.ArrayList;
import java.util.Comparator;
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
    /** Name of the metric of cross-user deliveries, see {@link #deliverySent}. */
    public static final String DELIVERY = "ws delivery";

    private final RecordingWindow window;
    private final ConcurrentHashMap<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Metric iteration;
    private final DeliveryClock deliveries;
    private final ErrorSamples errorSamples = new ErrorSamples();

    /** A registry that counts samples starting at or after {@code measureFromNanos} ({@link System#nanoTime()}). */
    public MetricRegistry(long measureFromNanos) {
        this.window = new RecordingWindow(measureFromNanos);
        this.iteration = metric(ITERATION, MetricKind.ITERATION);
        this.deliveries = new DeliveryClock(metric(DELIVERY, MetricKind.MESSAGE));
    }

    /** The request metric of this name, created on first use. */
    public Metric request(String name) {
        return metric(name, MetricKind.REQUEST);
    }

    /** The metric of this name, created with {@code kind} on first use (an existing metric keeps its kind). */
    public Metric metric(String name, MetricKind kind) {
        Metric metric = metrics.get(name);
        return metric != null ? metric : metrics.computeIfAbsent(name, n -> new Metric(n, kind, window));
    }

    /** Marks that something identified by {@code correlationId} was sent now, for {@link #deliveryArrived}. */
    public void deliverySent(String correlationId) {
        deliveries.sent(correlationId, System.nanoTime());
    }

    /**
     * Records under {@value #DELIVERY} how long ago {@code correlationId} was sent; false if it was not sent in this
     * run (or too long ago).
     */
    public boolean deliveryArrived(String correlationId) {
        return deliveries.arrived(correlationId, System.nanoTime());
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

    /**
     * Everything recorded so far, by kind (requests, messages, actions, iteration, lifecycle) then name; metrics that
     * never recorded a sample are left out, except {@value #ITERATION}.
     */
    public RunMetrics snapshot() {
        Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
        List<MetricSnapshot> requestSnapshots = new ArrayList<>();
        metrics.values().stream()
                .sorted(Comparator.comparing(Metric::kind).thenComparing(Metric::name))
                .map(Metric::snapshot)
                .filter(snapshot -> snapshot.count() > 0 || snapshot.name().equals(ITERATION))
                .forEach(snapshot -> {
                    byName.put(snapshot.name(), snapshot);
                    if (snapshot.kind() == MetricKind.REQUEST) {
                        requestSnapshots.add(snapshot);
                    }
                });
        MetricSnapshot all = requestSnapshots.isEmpty()
                ? null
                : MetricSnapshot.combine(ALL_REQUESTS, MetricKind.REQUEST, requestSnapshots);
        return new RunMetrics(byName, all, errorSamples.snapshot());
    }
}
