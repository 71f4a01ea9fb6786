package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * All metrics of one load test run, created on first use. Lookups of existing metrics take no lock.
 */
@API(status = INTERNAL, since = "0.1")
public final class MetricRegistry {

    /** How many metric names a run keeps apart; samples under further names are counted under {@link MetricNames#OVERFLOW}. */
    public static final int MAX_METRICS = 1_000;

    private final RecordingWindow window;
    private final ConcurrentHashMap<String, Metric> metrics = new ConcurrentHashMap<>();
    private final Metric iteration;
    private final DeliveryClock deliveries;
    private final ErrorSamples errorSamples = new ErrorSamples();
    private final List<Interval> timeSeries = new ArrayList<>();
    private final Histogram allRequestsInterval = Metric.newHistogram();
    private final Histogram allRequestsFailedInterval = Metric.newHistogram();
    private final Map<String, List<IntervalHistograms>> kept = new LinkedHashMap<>();
    private long intervalStartNanos;
    private final long runStartNanos;
    private final ConcretePaths concretePaths = new ConcretePaths(
            warning -> System.out.println("[horde] warning: " + warning));

    /** A registry that counts samples starting at or after {@code measureFromNanos} ({@link System#nanoTime()}). */
    public MetricRegistry(long startNanos, long measureFromNanos) {
        this.window = new RecordingWindow(measureFromNanos);
        this.intervalStartNanos = startNanos;
        this.runStartNanos = startNanos;
        this.iteration = metric(MetricNames.ITERATION, MetricKind.ITERATION);
        this.deliveries = new DeliveryClock(metric(MetricNames.WS_DELIVERY, MetricKind.MESSAGE));
    }

    /**
     * Keeps the histograms of every measured interval of the metrics {@code names} ({@value MetricNames#ALL_REQUESTS}
     * for all requests together), for budgets judged over windows; call before the run starts.
     */
    public synchronized void keepIntervals(Set<String> names) {
        names.forEach(name -> kept.putIfAbsent(name, new ArrayList<>()));
    }

    /** The request metric of this name, created on first use. */
    public Metric request(String name) {
        return metric(name, MetricKind.REQUEST);
    }

    /**
     * The metric of this name, created with {@code kind} on first use (an existing metric keeps its kind); beyond
     * {@link #MAX_METRICS} names, the metric {@value MetricNames#OVERFLOW}.
     */
    public Metric metric(String name, MetricKind kind) {
        Metric metric = metrics.get(name);
        if (metric != null) {
            return metric;
        }
        String kept = metrics.size() < MAX_METRICS ? name : MetricNames.OVERFLOW;
        boolean[] created = {false};
        metric = metrics.computeIfAbsent(kept, n -> {
            created[0] = true;
            return new Metric(n, kind, window, errorSamples);
        });
        if (created[0] && kind == MetricKind.REQUEST) {
            concretePaths.created(kept);
        }
        return metric;
    }

    /** Marks that something identified by {@code correlationId} was sent now, for {@link #deliveryArrived}. */
    public void deliverySent(String correlationId) {
        deliveries.sent(correlationId, System.nanoTime());
    }

    /**
     * Records under {@value MetricNames#WS_DELIVERY} how long ago {@code correlationId} was sent; false if it was not sent in this
     * run (or too long ago).
     */
    public boolean deliveryArrived(String correlationId) {
        return deliveries.arrived(correlationId, System.nanoTime());
    }

    /** As {@link #deliveryArrived(String)}, recorded under {@code metric}: a service's {@code chat: ws delivery}. */
    public boolean deliveryArrived(String correlationId, String metric) {
        return MetricNames.WS_DELIVERY.equals(metric) ? deliveryArrived(correlationId)
                : deliveries.arrived(correlationId, System.nanoTime(), metric(metric, MetricKind.MESSAGE));
    }

    /** The metric of whole iterations. */
    public Metric iteration() {
        return iteration;
    }

    /** Start of the measured window, in {@link System#nanoTime()} terms. */
    public long measureFromNanos() {
        return window.measureFromNanos();
    }

    /** Stops counting: samples that start from now on are not counted; those in flight are when they end. */
    public void close() {
        window.close();
    }

    /**
     * The run is interrupting its users: samples still in flight that fail from now on fail with the cause
     * {@value FailureCause#CUT_OFF}.
     */
    public void cutOff() {
        window.cutOff();
    }

    /**
     * Closes the current interval of the time series at {@code nowNanos}: drains every metric's recent samples into
     * its total, keeps their statistics (and those of all requests together) with the share of the cores the JVM used
     * meanwhile and the share the machine used ({@code generatorCpu}, {@code machineCpu}, NaN if unknown), and hands
     * each histogram, successes and failures apart, to {@code listener}. Called by one thread at a time, about once a second.
     */
    public synchronized Interval drainInterval(long nowNanos, int activeUsers, double generatorCpu, double machineCpu,
            IntervalListener listener) {
        long startMs = (intervalStartNanos - runStartNanos) / 1_000_000;
        long endMs = (nowNanos - runStartNanos) / 1_000_000;
        boolean measured = intervalStartNanos - window.measureFromNanos() >= 0;
        List<IntervalStats> stats = new ArrayList<>();
        allRequestsInterval.reset();
        allRequestsFailedInterval.reset();
        metrics.values().stream().sorted(Comparator.comparing(Metric::kind).thenComparing(Metric::name))
                .forEach(metric -> metric.drain((succeeded, failed) -> {
                    if (succeeded.getTotalCount() + failed.getTotalCount() == 0) {
                        return;
                    }
                    stats.add(IntervalStats.of(metric.name(), succeeded, failed));
                    if (measured) {
                        keep(metric.name(), startMs, endMs, succeeded, failed);
                    }
                    if (succeeded.getTotalCount() > 0) {
                        listener.onHistogram(metric.name(), metric.kind(), false, startMs, endMs, succeeded);
                    }
                    if (failed.getTotalCount() > 0) {
                        listener.onHistogram(metric.name(), metric.kind(), true, startMs, endMs, failed);
                    }
                    if (metric.kind() == MetricKind.REQUEST) {
                        allRequestsInterval.add(succeeded);
                        allRequestsFailedInterval.add(failed);
                    }
                }));
        if (allRequestsInterval.getTotalCount() + allRequestsFailedInterval.getTotalCount() > 0) {
            stats.add(IntervalStats.of(MetricNames.ALL_REQUESTS, allRequestsInterval, allRequestsFailedInterval));
        }
        if (measured) {
            keep(MetricNames.ALL_REQUESTS, startMs, endMs, allRequestsInterval, allRequestsFailedInterval);
            for (List<IntervalHistograms> intervals : kept.values()) { // a second without samples is a window's too
                if (intervals.isEmpty() || intervals.get(intervals.size() - 1).endMs() != endMs) {
                    intervals.add(IntervalHistograms.empty(startMs, endMs));
                }
            }
        }
        Interval interval = new Interval(startMs, endMs, activeUsers, measured, generatorCpu, machineCpu,
                List.copyOf(stats));
        timeSeries.add(interval);
        intervalStartNanos = nowNanos;
        return interval;
    }

    private void keep(String name, long startMs, long endMs, Histogram succeeded, Histogram failed) {
        List<IntervalHistograms> intervals = kept.get(name);
        if (intervals != null && succeeded.getTotalCount() + failed.getTotalCount() > 0) {
            intervals.add(IntervalHistograms.of(startMs, endMs, succeeded, failed));
        }
    }

    /**
     * The measured intervals kept so far of each metric named by {@link #keepIntervals}, oldest first; a metric with
     * nothing in an interval has an empty entry for it.
     */
    public synchronized Map<String, List<IntervalHistograms>> keptIntervals() {
        Map<String, List<IntervalHistograms>> copy = new LinkedHashMap<>();
        kept.forEach((name, intervals) -> copy.put(name, List.copyOf(intervals)));
        return copy;
    }

    /** The intervals drained so far, oldest first. */
    public synchronized List<Interval> timeSeries() {
        return List.copyOf(timeSeries);
    }

    /**
     * Everything recorded so far, by kind (requests, messages, actions, iteration, lifecycle) then name; metrics that
     * never recorded a sample are left out, except {@value MetricNames#ITERATION}.
     */
    public RunMetrics snapshot() {
        return collect(Metric::snapshot);
    }

    /** Like {@link #snapshot()}, but as of the last {@link #drainInterval}, so the time series misses nothing. */
    public RunMetrics peek() {
        return collect(Metric::peek);
    }

    private RunMetrics collect(java.util.function.Function<Metric, MetricSnapshot> read) {
        Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
        List<MetricSnapshot> requestSnapshots = new ArrayList<>();
        metrics.values().stream()
                .sorted(Comparator.comparing(Metric::kind).thenComparing(Metric::name))
                .map(read)
                .filter(snapshot -> snapshot.count() > 0 || snapshot.name().equals(MetricNames.ITERATION))
                .forEach(snapshot -> {
                    byName.put(snapshot.name(), snapshot);
                    if (snapshot.kind() == MetricKind.REQUEST) {
                        requestSnapshots.add(snapshot);
                    }
                });
        MetricSnapshot all = requestSnapshots.isEmpty()
                ? null
                : MetricSnapshot.combine(MetricNames.ALL_REQUESTS, MetricKind.REQUEST, requestSnapshots);
        return new RunMetrics(byName, all, errorSamples.snapshot(), timeSeries(), keptIntervals());
    }
}
