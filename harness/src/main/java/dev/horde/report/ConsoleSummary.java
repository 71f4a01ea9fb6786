package dev.horde.report;

import dev.horde.engine.RunOutcome;
import dev.horde.metrics.Format;
import dev.horde.metrics.MetricKind;
import dev.horde.metrics.MetricRegistry;
import dev.horde.metrics.MetricSnapshot;
import dev.horde.metrics.RunMetrics;
import dev.horde.verdict.BudgetResult;
import dev.horde.verdict.Diagnosis;
import dev.horde.verdict.ScheduleCheck;
import java.util.ArrayList;
import java.util.List;

/** The end-of-test table: one row per metric, then every budget marked ok or FAIL. */
public final class ConsoleSummary {

    private static final String[] HEADER = {"metric", "count", "failed", "req/s", "p50", "p95", "p99", "max"};

    private ConsoleSummary() {
    }

    /** The summary as text, lines ending in {@code \n}. */
    public static String render(TestReport report) {
        StringBuilder out = new StringBuilder()
                .append("Horde ").append(report.plan().testId()).append(" - ").append(report.plan().describe())
                .append(", ").append(report.threads()).append(" threads, seed ").append(report.plan().seed()).append(" - ")
                .append(report.passed() ? "PASSED" : report.outcome().interrupted() ? "INTERRUPTED" : "FAILED")
                .append('\n');
        Diagnosis.of(report.outcome().metrics()).ifPresent(diagnosis -> out.append("  ").append(diagnosis).append('\n'));
        if (report.generatorWarmUp() != null) {
            out.append("  generator warm-up (not counted): ").append(report.generatorWarmUp().describe()).append('\n');
        }
        table(out, rows(report));
        if (!report.verdict().results().isEmpty()) {
            out.append("  budgets:\n");
            for (BudgetResult budget : report.verdict().results()) {
                out.append(budget.passed() ? "    ok    " : "    FAIL  ").append(budget.message()).append('\n');
            }
        }
        RunOutcome outcome = report.outcome();
        if (report.outcome().metrics().find(MetricRegistry.OVERFLOW).isPresent()) {
            out.append("  warning: more than ").append(Format.count(MetricRegistry.MAX_METRICS))
                    .append(" metric names; the samples of the others are counted together under '")
                    .append(MetricRegistry.OVERFLOW).append("'. Write paths as templates, api.get(\"/items/{id}\", id),")
                    .append(" or name requests with .as(\"GET /items/{id}\")\n");
        }
        if (outcome.scheduleMissed()) {
            out.append("  warning: ").append(Format.count(outcome.usersStarted())).append(" of ")
                    .append(Format.count(outcome.usersPlanned())).append(" users started, the latest ")
                    .append(Format.millis(outcome.maxStartDelay().toNanos() / 1e6))
                    .append(" late: the load generator could not keep its schedule")
                    .append(report.threads().equals("virtual")
                            ? " (virtual threads are not preempted: CPU-heavy clients make users wait for each other;"
                                    + " compare with -Dhorde.threads=platform)"
                            : "")
                    .append('\n');
        }
        if (outcome.schedule() != null && outcome.schedule().behind() && !report.plan().failWhenBehind()) {
            out.append("  warning: ").append(ScheduleCheck.message(report.plan(), outcome.schedule())).append('\n');
        }
        if (report.outcome().generatorSaturated()) {
            out.append("  warning: ").append(GeneratorLoad.describe(report.outcome())).append('\n');
        }
        if (report.outcome().usersNotStopped() > 0) {
            out.append("  warning: ").append(report.outcome().usersNotStopped())
                    .append(" users ignored the interrupt at the end and were abandoned\n");
        }
        return out.toString();
    }

    private static List<String[]> rows(TestReport report) {
        RunMetrics metrics = report.outcome().metrics();
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
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

    private static String[] row(TestReport report, MetricSnapshot metric, String label) {
        boolean empty = metric.count() == 0;
        return new String[] {
            label,
            Format.count(metric.count()),
            Format.count(metric.failed()),
            Format.number(report.perSecond(metric.count())),
            empty ? "-" : Format.millis(metric.percentileMillis(50)),
            empty ? "-" : Format.millis(metric.percentileMillis(95)),
            empty ? "-" : Format.millis(metric.percentileMillis(99)),
            empty ? "-" : Format.millis(metric.maxMillis())
        };
    }

    private static void table(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            out.append("  ").append(row[0]).append(" ".repeat(widths[0] - row[0].length()));
            for (int column = 1; column < row.length; column++) {
                out.append("  ").append(" ".repeat(widths[column] - row[column].length())).append(row[column]);
            }
            out.append('\n');
        }
    }
}
