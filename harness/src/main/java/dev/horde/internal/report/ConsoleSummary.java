package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.Diagnosis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/** The end-of-test table: one row per metric, then every budget marked ok or FAIL. */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleSummary {

    private ConsoleSummary() {
    }

    /** The summary as text, lines ending in {@code \n}. */
    public static String render(RunResult report) {
        StringBuilder out = new StringBuilder()
                .append("Horde ").append(report.plan().testId()).append(" - ").append(report.plan().describe())
                .append(", ").append(report.plan().threads().label()).append(" threads, seed ").append(report.plan().seed()).append(" - ")
                .append(report.outcome().interrupted() && !report.passed() ? "INTERRUPTED"
                        : report.verdictLabel().toUpperCase(Locale.ROOT))
                .append('\n');
        out.append("  target: ").append(report.plan().targetText()).append('\n');
        if (report.segment()) {
            out.append("  segment ").append(report.plan().segment()).append(": ")
                    .append(Format.count(report.outcome().usersPlanned(), "user")).append(" of ")
                    .append(report.plan().users())
                    .append("; the budgets are judged on the merge of all segments' reports\n");
        }
        if (report.merged() != null) {
            out.append("  merged from ").append(report.merged().count()).append(" segments\n");
            report.merged().notes().forEach(note -> out.append("  note: ").append(note).append('\n'));
        }
        if (report.plan().baselineNotice() != null) {
            out.append("  baseline: ").append(report.plan().baselineNotice()).append('\n');
        }
        report.plan().baseline().ifPresent(baseline -> out.append("  baseline: ").append(baseline.directory())
                .append(" (the run of ").append(baseline.startedAt()).append(")\n"));
        if (!report.plan().adjustments().isEmpty()) {
            out.append("  adjusted: ").append(SummaryTable.adjustments(report.plan())).append('\n');
        }
        Diagnosis.of(report.outcome().metrics()).ifPresent(diagnosis -> out.append("  ").append(diagnosis).append('\n'));
        if (report.generatorWarmUp() != null) {
            out.append("  generator warm-up (not counted): ").append(report.generatorWarmUp().describe()).append('\n');
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(SummaryTable.HEADER);
        rows.addAll(SummaryTable.rows(report));
        table(out, rows);
        Traces.slowestRequest(report.outcome().metrics())
                .ifPresent(slow -> out.append("  slowest request: ").append(slow.describe(report.plan())).append('\n'));
        String section = null;
        for (TargetReading reading : report.targetReadings()) {
            if (!reading.section().equals(section)) {
                section = reading.section();
                out.append("  ").append(section).append(":\n");
            }
            reading.describe().forEach(line -> out.append("    ").append(line).append('\n'));
        }
        List<BaselineTable.Row> baseline = BaselineTable.of(report);
        if (!baseline.isEmpty()) {
            out.append("  against the baseline:\n");
            table(out, BaselineTable.cells(baseline));
        }
        if (report.capacity() != null) {
            out.append("  capacity search, each step judged after it settled:\n");
            table(out, CapacityTable.rows(report.capacity()));
        }
        if (!report.verdict().results().isEmpty()) {
            out.append("  budgets:\n");
            for (BudgetResult budget : report.verdict().results()) {
                out.append(budget.passed() ? "    ok    " : "    FAIL  ").append(budget.shown()).append('\n');
            }
        }
        for (String warning : SummaryWarnings.of(report)) {
            out.append("  warning: ").append(warning).append('\n');
        }
        return out.toString();
    }

    /** The rows in columns: the first left-aligned, the numbers right-aligned. */
    private static void table(StringBuilder out, List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int column = 0; column < row.size(); column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            out.append("  ").append(row.get(0)).append(" ".repeat(widths[0] - row.get(0).length()));
            for (int column = 1; column < row.size(); column++) {
                String cell = row.get(column);
                out.append("  ").append(" ".repeat(widths[column] - cell.length())).append(cell);
            }
            out.append('\n');
        }
    }
}
