package dev.horde.internal.report;

import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.verdict.RegressionLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every metric of a run beside the same metric of its baseline: p95 and throughput, now and then, and the change.
 * Point figures, for reading; the regression budgets judge with their confidence intervals.
 */
final class BaselineTable {

    static final List<String> HEADER = List.of("metric", "p95", "baseline", "change", "req/s", "baseline", "change");

    private BaselineTable() {
    }

    /** The metrics of {@code report} that its baseline has too, as comparisons; empty without a baseline. */
    static List<Row> of(RunResult report) {
        Optional<Baseline> baseline = report.plan().baseline();
        List<Row> rows = new ArrayList<>();
        if (baseline.isEmpty()) {
            return rows;
        }
        RunMetrics metrics = report.outcome().metrics();
        List<MetricSnapshot> all = new ArrayList<>(metrics.byName().values());
        if (metrics.allRequests() != null) {
            all.add(metrics.allRequests());
        }
        for (MetricSnapshot metric : all) {
            baseline.get().figures(metric.name()).filter(figures -> metric.ok() > 0).ifPresent(figures -> rows.add(
                    new Row(metric.name(), metric.percentileMillis(95), figures.p95Ms(),
                            report.perSecond(metric.count()), figures.rps())));
        }
        return rows;
    }

    /** The header, then a row per metric, for a text table. */
    static List<List<String>> cells(List<Row> rows) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(HEADER);
        for (Row row : rows) {
            cells.add(List.of(row.metric(), Format.millis(row.p95Ms()), Format.millis(row.baselineP95Ms()),
                    change(row.p95Ms(), row.baselineP95Ms()), Format.number(row.rps()), Format.number(row.baselineRps()),
                    change(row.rps(), row.baselineRps())));
        }
        return cells;
    }

    /** {@code +19%}, {@code -2.0%}, or {@code -} when there is nothing to compare. */
    static String change(double now, double before) {
        if (!(before > 0) || Double.isNaN(now)) {
            return "-";
        }
        return RegressionLimit.signed(now / before - 1);
    }

    /** One metric now and in the baseline. */
    record Row(String metric, double p95Ms, double baselineP95Ms, double rps, double baselineRps) {
    }
}
