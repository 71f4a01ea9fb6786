package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * The metrics of one run put together from the interval histograms of several JVMs that ran shares of it: histograms
 * of the same metric and interval are added (HdrHistogram's exact merge), intervals are matched by their start on a
 * common clock. Whole-run figures sum every interval (samples of the warm-up are in none), so they equal one histogram
 * of every counted sample. Not thread-safe: one merge, one thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class MergedMetrics {

    private final Set<String> kept;
    private final Map<String, MetricKind> kinds = new TreeMap<>();
    private final Map<String, Long> sent = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> errors = new LinkedHashMap<>();
    private final Map<String, List<TracedSample>> slowest = new LinkedHashMap<>();
    private final TreeMap<Long, Point> points = new TreeMap<>();
    private final List<ErrorSample> errorSamples = new ArrayList<>();

    /** A merge that keeps the measured intervals of the metrics named in {@code kept} (for budgets over windows). */
    public MergedMetrics(Set<String> kept) {
        this.kept = kept;
    }

    /** Adds one share's totals of a metric: its kind, samples started, failures by cause and slowest samples. */
    public void totals(String metric, MetricKind kind, long started, Map<String, Long> causes,
            List<TracedSample> slow) {
        kinds.put(metric, kind);
        sent.merge(metric, started, Long::sum);
        Map<String, Long> byCause = errors.computeIfAbsent(metric, m -> new LinkedHashMap<>());
        causes.forEach((cause, n) -> byCause.merge(cause, n, Long::sum));
        slowest.computeIfAbsent(metric, m -> new ArrayList<>()).addAll(slow);
    }

    /**
     * Adds one share's interval: it starts {@code startMs} after the common start, so it falls in the merged
     * interval of the second it starts nearest to.
     */
    public void interval(long startMs, long endMs, boolean measured, int activeUsers, double generatorCpu,
            double machineCpu) {
        Point point = point(startMs);
        point.startMs = Math.min(point.startMs, startMs);
        point.endMs = Math.max(point.endMs, endMs);
        point.measured |= measured;
        point.activeUsers += activeUsers;
        point.generatorCpu.add(generatorCpu);
        point.machineCpu.add(machineCpu);
    }

    /**
     * Adds one share's histogram (microseconds) of a metric's samples, failed ones apart, in its interval from
     * {@code startMs} to {@code endMs}.
     */
    public void histogram(String metric, boolean failed, long startMs, long endMs, Histogram histogram) {
        Point point = point(startMs);
        point.startMs = Math.min(point.startMs, startMs);
        point.endMs = Math.max(point.endMs, endMs);
        Histogram[] pair = point.histograms.computeIfAbsent(metric,
                m -> new Histogram[] {Metric.newHistogram(), Metric.newHistogram()});
        pair[failed ? 1 : 0].add(histogram);
    }

    /** Adds a share's first failures of distinct causes. */
    public void errorSamples(List<ErrorSample> samples) {
        for (ErrorSample sample : samples) {
            if (errorSamples.stream().noneMatch(s -> s.metric().equals(sample.metric())
                    && s.cause().equals(sample.cause()))) {
                errorSamples.add(sample);
            }
        }
    }

    /** The intervals' starts and ends, ms from the common start, oldest first. */
    public List<long[]> spans() {
        return points.values().stream().map(p -> new long[] {p.startMs, p.endMs}).toList();
    }

    /** Every metric's merged histogram of each interval, for the merged HdrHistogram log. */
    public void forEachHistogram(IntervalListener listener) {
        for (Point point : points.values()) {
            point.histograms.forEach((metric, pair) -> {
                if (pair[0].getTotalCount() > 0) {
                    listener.onHistogram(metric, kinds.getOrDefault(metric, MetricKind.REQUEST), false, point.startMs,
                            point.endMs, pair[0]);
                }
                if (pair[1].getTotalCount() > 0) {
                    listener.onHistogram(metric, kinds.getOrDefault(metric, MetricKind.REQUEST), true, point.startMs,
                            point.endMs, pair[1]);
                }
            });
        }
    }

    /** The merged metrics: whole-run totals from the measured intervals, the time series, the kept intervals. */
    public RunMetrics build() {
        Map<String, Histogram[]> totals = new TreeMap<>();
        List<Interval> series = new ArrayList<>();
        Map<String, List<IntervalHistograms>> intervals = new LinkedHashMap<>();
        kept.forEach(name -> intervals.put(name, new ArrayList<>()));
        for (Point point : points.values()) {
            List<IntervalStats> stats = new ArrayList<>();
            Histogram requests = Metric.newHistogram();
            Histogram requestsFailed = Metric.newHistogram();
            point.histograms.forEach((metric, pair) -> {
                stats.add(IntervalStats.of(metric, pair[0], pair[1]));
                if (kinds.get(metric) == MetricKind.REQUEST) {
                    requests.add(pair[0]);
                    requestsFailed.add(pair[1]);
                }
                // every interval: a sample of the warm-up is in none, a counted one in exactly one
                Histogram[] total = totals.computeIfAbsent(metric,
                        m -> new Histogram[] {Metric.newHistogram(), Metric.newHistogram()});
                total[0].add(pair[0]);
                total[1].add(pair[1]);
            });
            if (requests.getTotalCount() + requestsFailed.getTotalCount() > 0) {
                stats.add(IntervalStats.of(MetricNames.ALL_REQUESTS, requests, requestsFailed));
            }
            if (point.measured) {
                for (Map.Entry<String, List<IntervalHistograms>> entry : intervals.entrySet()) {
                    Histogram[] pair = MetricNames.ALL_REQUESTS.equals(entry.getKey())
                            ? new Histogram[] {requests, requestsFailed} : point.histograms.get(entry.getKey());
                    entry.getValue().add(pair == null || pair[0].getTotalCount() + pair[1].getTotalCount() == 0
                            ? IntervalHistograms.empty(point.startMs, point.endMs)
                            : IntervalHistograms.of(point.startMs, point.endMs, pair[0], pair[1]));
                }
            }
            series.add(new Interval(point.startMs, point.endMs, point.activeUsers, point.measured,
                    mean(point.generatorCpu), mean(point.machineCpu), List.copyOf(stats)));
        }
        Map<String, MetricSnapshot> byName = new LinkedHashMap<>();
        List<MetricSnapshot> requests = new ArrayList<>();
        kinds.entrySet().stream()
                .sorted(Map.Entry.<String, MetricKind>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> {
                    String metric = entry.getKey();
                    Histogram[] total = totals.getOrDefault(metric,
                            new Histogram[] {Metric.newHistogram(), Metric.newHistogram()});
                    List<TracedSample> slow = new ArrayList<>(slowest.getOrDefault(metric, List.of()));
                    slow.sort((a, b) -> Long.compare(b.micros(), a.micros()));
                    MetricSnapshot snapshot = new MetricSnapshot(metric, entry.getValue(),
                            sent.getOrDefault(metric, 0L),
                            total[0], total[1], FailureCounts.mostFrequentFirst(errors.getOrDefault(metric, Map.of())),
                            List.copyOf(slow.subList(0, Math.min(SlowestSamples.KEPT, slow.size()))));
                    byName.put(metric, snapshot);
                    if (entry.getValue() == MetricKind.REQUEST) {
                        requests.add(snapshot);
                    }
                });
        MetricSnapshot all = requests.isEmpty() ? null
                : MetricSnapshot.combine(MetricNames.ALL_REQUESTS, MetricKind.REQUEST, requests);
        Map<String, List<IntervalHistograms>> kept = new LinkedHashMap<>();
        intervals.forEach((name, list) -> kept.put(name, List.copyOf(list)));
        return new RunMetrics(byName, all, List.copyOf(errorSamples), List.copyOf(series), kept);
    }

    private Point point(long startMs) {
        return points.computeIfAbsent(Math.round(startMs / 1000.0), second -> new Point());
    }

    private static double mean(List<Double> values) {
        return values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).average()
                .orElse(Double.NaN);
    }

    /** One merged interval. */
    private static final class Point {
        long startMs = Long.MAX_VALUE;
        long endMs = Long.MIN_VALUE;
        boolean measured;
        int activeUsers;
        final List<Double> generatorCpu = new ArrayList<>();
        final List<Double> machineCpu = new ArrayList<>();
        final Map<String, Histogram[]> histograms = new TreeMap<>();
    }
}
