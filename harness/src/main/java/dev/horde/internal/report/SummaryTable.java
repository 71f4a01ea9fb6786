package dev.horde.internal.report;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.LoadPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The table of a finished load test, one row per metric: requests first, then all requests together, then the
 * others (iterations, WebSocket, actions, chaos). The console and the HTML page render the same rows.
 */
final class SummaryTable {

    static final List<String> HEADER = List.of("metric", "count", "failed", "req/s", "p50", "p95", "p99", "max");

    private SummaryTable() {
    }

    /** The rows below {@link #HEADER}, formatted. */
    static List<List<String>> rows(RunResult report) {
        RunMetrics metrics = report.outcome().metrics();
        List<List<String>> rows = new ArrayList<>();
        for (MetricSnapshot metric : metrics.ofKind(MetricKind.REQUEST)) {
            rows.add(row(report, metric, metric.name()));
        }
        if (metrics.allRequests() != null) {
            rows.add(row(report, metrics.allRequests(), "* (all requests)"));
        }
        for (MetricSnapshot metric : metrics.byName().values()) {
            if (metric.kind() != MetricKind.REQUEST) {
                rows.add(row(report, metric, metric.name()));
            }
        }
        return rows;
    }

    private static List<String> row(RunResult report, MetricSnapshot metric, String label) {
        boolean empty = metric.ok() == 0;
        return List.of(
                label,
                Format.count(metric.count()),
                Format.count(metric.failed()),
                Format.number(report.perSecond(metric.count())),
                empty ? "-" : Format.millis(metric.percentileMillis(50)),
                empty ? "-" : Format.millis(metric.percentileMillis(95)),
                empty ? "-" : Format.millis(metric.percentileMillis(99)),
                empty ? "-" : Format.millis(metric.maxMillis()));
    }

    /** The settings the run used other than the annotations wrote them, in one line. */
    static String adjustments(LoadPlan plan) {
        return plan.adjustments().stream().map(Adjustment::toString).collect(Collectors.joining("; "));
    }
}
