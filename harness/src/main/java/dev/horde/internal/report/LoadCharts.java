package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.capacity.CapacityResult;
import dev.horde.internal.capacity.CapacityStep;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.prometheus.Limit;
import dev.horde.internal.prometheus.Series;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.LatencyLimit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The charts of a load test, as SVG: latency percentiles over time per metric with its budgets, throughput and
 * errors over time, active users over time, and the latency distribution.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadCharts {

    /** At most this many per-metric latency charts, the busiest metrics first. */
    static final int MAX_LATENCY_CHARTS = 4;
    private static final double[] PERCENTILES = {0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99};

    private LoadCharts() {
    }

    /** Chart titles to SVG documents, in display order; charts without data are left out. */
    public static Map<String, String> render(RunResult report) {
        RunMetrics metrics = report.outcome().metrics();
        List<Interval> series = metrics.timeSeries();
        Map<String, String> charts = new LinkedHashMap<>();
        for (String metric : busiestMetrics(metrics)) {
            SvgChart chart = latencyOverTime(metric, series, report.verdict().results());
            if (!chart.isEmpty()) {
                charts.put("latency of " + metric, chart.render());
            }
        }
        String total = metrics.allRequests() != null ? MetricNames.ALL_REQUESTS : MetricNames.ITERATION;
        SvgChart throughput = new SvgChart("throughput and errors of " + total, "seconds since start", "per second")
                .series("samples/s", seconds(series), perSecond(series, total, false))
                .series("failed/s", seconds(series), perSecond(series, total, true));
        if (!throughput.isEmpty()) {
            charts.put("throughput and errors", throughput.render());
        }
        double[] users = series.stream().mapToDouble(Interval::activeUsers).toArray();
        charts.put("active users", new SvgChart("active users", "seconds since start", "users")
                .series("active users", seconds(series), users).render());
        metrics.find(total).ifPresent(snapshot -> charts.put("latency distribution", distribution(snapshot)));
        if (report.capacity() != null && !report.capacity().steps().isEmpty()) {
            capacity(report, charts);
        }
        for (TargetReading reading : report.targetReadings()) {
            SvgChart chart = targetMetric(reading, report.startedAt());
            if (!chart.isEmpty()) {
                charts.put("target: " + reading.query().name(), chart.render());
            }
        }
        return charts;
    }

    /** A capacity search's latency and throughput against the load of each step, with the latency budgets' limits. */
    private static void capacity(RunResult report, Map<String, String> charts) {
        CapacityResult result = report.capacity();
        double[] levels = result.steps().stream().mapToDouble(CapacityStep::level).toArray();
        String load = "load (" + result.plan().unit() + ")";
        SvgChart latency = new SvgChart("capacity: latency against load", load, "ms")
                .series("p50", levels, result.steps().stream().mapToDouble(step -> orZero(step.p50Ms())).toArray())
                .series("p95", levels, result.steps().stream().mapToDouble(step -> orZero(step.p95Ms())).toArray())
                .series("p99", levels, result.steps().stream().mapToDouble(step -> orZero(step.p99Ms())).toArray());
        report.plan().budgets().stream().filter(LatencyLimit.class::isInstance).map(LatencyLimit.class::cast)
                .limit(3).forEach(limit -> latency.limit(limit.statistic().label() + " <= "
                        + Format.millis(limit.limit().toNanos() / 1e6) + " (budget)", limit.limit().toNanos() / 1e6));
        charts.put("capacity: latency against load", latency.render());
        SvgChart throughput = new SvgChart("capacity: throughput against load", load, "per second")
                .series("samples/s", levels, result.steps().stream().mapToDouble(CapacityStep::throughput).toArray());
        if (result.plan().model() == LoadModel.OPEN) {
            throughput.series("offered iterations/s", levels, levels);
        }
        charts.put("capacity: throughput against load", throughput.render());
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    /** A target metric's series over the run's time, in the unit its limits were written in, with the limits. */
    private static SvgChart targetMetric(TargetReading reading, Instant startedAt) {
        Limit.Style style = reading.style();
        double scale = switch (style) {
            case SECONDS -> 1000;
            case RATIO -> 100;
            case BYTES -> 1.0 / (1024 * 1024);
            case BYTES_PER_SECOND -> 1.0 / 1024;
            case NUMBER -> 1;
        };
        String unit = switch (style) {
            case SECONDS -> "ms";
            case RATIO -> "%";
            case BYTES -> "MiB";
            case BYTES_PER_SECOND -> "KiB/s";
            case NUMBER -> "value";
        };
        SvgChart chart = new SvgChart(reading.query().name() + " (" + reading.source() + ")", "seconds since start",
                unit);
        for (Series series : reading.series().subList(0, Math.min(TargetReading.SHOWN_SERIES, reading.series().size()))) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < series.times().length; i++) {
                if (Double.isFinite(series.values()[i])) {
                    points.add(new double[] {(series.times()[i] - startedAt.toEpochMilli()) / 1000.0,
                            series.values()[i] * scale});
                }
            }
            chart.series(series.labelsText().isEmpty() ? reading.query().name() : series.labelsText(),
                    points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray());
        }
        if (reading.query().max() != null) {
            chart.limit("max " + reading.query().max().written() + " (budget)", reading.query().max().value() * scale);
        }
        if (reading.query().min() != null) {
            chart.limit("min " + reading.query().min().written() + " (budget)", reading.query().min().value() * scale);
        }
        return chart;
    }

    private static List<String> busiestMetrics(RunMetrics metrics) {
        List<MetricSnapshot> candidates = new ArrayList<>(metrics.ofKind(MetricKind.REQUEST));
        candidates.addAll(metrics.ofKind(MetricKind.MESSAGE));
        if (candidates.isEmpty()) {
            candidates.add(metrics.iteration());
        }
        candidates.sort((a, b) -> Long.compare(b.count(), a.count()));
        return candidates.stream().limit(MAX_LATENCY_CHARTS).map(MetricSnapshot::name).toList();
    }

    private static SvgChart latencyOverTime(String metric, List<Interval> series, List<BudgetResult> budgets) {
        List<Double> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (Interval interval : series) {
            for (IntervalStats stats : interval.metrics()) {
                if (stats.metric().equals(metric)) {
                    xs.add(interval.endMs() / 1000.0);
                    ys.add(new double[] {stats.p50Ms(), stats.p95Ms(), stats.p99Ms()});
                }
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        SvgChart chart = new SvgChart("latency of " + metric, "seconds since start", "ms")
                .series("p50", x, ys.stream().mapToDouble(v -> v[0]).toArray())
                .series("p95", x, ys.stream().mapToDouble(v -> v[1]).toArray())
                .series("p99", x, ys.stream().mapToDouble(v -> v[2]).toArray());
        for (BudgetResult budget : budgets) {
            if (budget.quantity() == BudgetResult.Quantity.LATENCY && budget.metric().equals(metric)) {
                chart.limit(budget.statistic().label() + " <= " + dev.horde.internal.metrics.Format.millis(budget.limit()) + " (budget)",
                        budget.limit());
            }
        }
        return chart;
    }

    private static String distribution(MetricSnapshot snapshot) {
        double[] nines = new double[PERCENTILES.length];
        double[] latency = new double[PERCENTILES.length];
        for (int i = 0; i < PERCENTILES.length; i++) {
            nines[i] = -Math.log10(1 - PERCENTILES[i] / 100);
            latency[i] = snapshot.percentileMillis(PERCENTILES[i]);
        }
        return new SvgChart("latency distribution of " + snapshot.name() + " (n=" + snapshot.count() + ")",
                "percentile: 1 = p90, 2 = p99, 3 = p99.9, 4 = p99.99", "ms")
                .series("latency", nines, latency).render();
    }

    private static double[] seconds(List<Interval> series) {
        return series.stream().mapToDouble(interval -> interval.endMs() / 1000.0).toArray();
    }

    private static double[] perSecond(List<Interval> series, String metric, boolean failed) {
        return series.stream().mapToDouble(interval -> {
            double seconds = Math.max(1, interval.endMs() - interval.startMs()) / 1000.0;
            return interval.metrics().stream().filter(stats -> stats.metric().equals(metric))
                    .mapToDouble(stats -> (failed ? stats.failed() : stats.count()) / seconds).sum();
        }).toArray();
    }
}
