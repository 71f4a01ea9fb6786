package dev.horde.internal.report;

import dev.horde.internal.metrics.ErrorSample;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.metrics.TracedSample;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.verdict.BudgetResult;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A self-contained HTML page of a load test: the summary table, every budget, the traces to look at, the charts inline. */
final class HtmlSummary {

    private HtmlSummary() {
    }

    /** The page's style: also the build report's. */
    static final String STYLE = "<style>body{font-family:sans-serif;margin:16px}table{border-collapse:collapse}"
            + "td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}"
            + "td:first-child,th:first-child{text-align:left}.ok{color:#2a7d2a}.fail{color:#c62828}"
            + ".inconclusive{color:#b26a00}</style>";

    static String render(RunResult report, Map<String, String> charts) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + Html.escape(report.plan().testId())
                + "</title>" + STYLE + "</head><body>" + section(report, charts) + "</body></html>\n";
    }

    /** The page's body: heading, plan, table, readings, budgets and charts. */
    static String section(RunResult report, Map<String, String> charts) {
        LoadPlan plan = report.plan();
        StringBuilder html = new StringBuilder()
                .append("<h2>").append(Html.escape(plan.testId())).append("</h2><p>")
                .append(Html.escape(plan.describe())).append(", ").append(report.plan().threads().label())
                .append(" threads, seed ").append(plan.seed()).append(" &mdash; <b class=\"")
                .append(verdictClass(report.verdictLabel())).append("\">")
                .append(report.verdictLabel().toUpperCase(Locale.ROOT)).append("</b></p>");
        html.append("<p>Target: ").append(Html.escape(plan.targetText())).append("</p>");
        if (!plan.adjustments().isEmpty()) {
            html.append("<p>Adjusted: ").append(Html.escape(SummaryTable.adjustments(plan))).append("</p>");
        }
        html.append("<table>");
        html.append("<tr>");
        SummaryTable.HEADER.forEach(cell -> html.append("<th>").append(Html.escape(cell)).append("</th>"));
        html.append("</tr>");
        for (List<String> row : SummaryTable.rows(report)) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(Html.escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
        String section = null;
        for (TargetReading reading : report.targetReadings()) {
            if (!reading.section().equals(section)) {
                html.append(section == null ? "" : "</ul>").append("<h3>")
                        .append(Html.escape(Character.toUpperCase(reading.section().charAt(0))
                                + reading.section().substring(1))).append("</h3><ul>");
                section = reading.section();
            }
            reading.describe().forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>"));
        }
        if (section != null) {
            html.append("</ul>");
        }
        if (report.generatorWarmUp() != null) {
            html.append("<p>Generator warm-up before the run, not counted: ")
                    .append(Html.escape(report.generatorWarmUp().describe())).append("</p>");
        }
        for (String warning : SummaryWarnings.of(report)) {
            html.append("<p class=\"fail\">Warning: ").append(Html.escape(warning)).append("</p>");
        }
        html.append("<h3>Budgets</h3><ul>");
        for (BudgetResult budget : report.verdict().results()) {
            html.append("<li class=\"").append(budget.passed() ? "ok\">&#10004; " : "fail\">&#10008; ")
                    .append(Html.escape(budget.shown())).append("</li>");
        }
        html.append("</ul>");
        List<BaselineTable.Row> baseline = BaselineTable.of(report);
        if (!baseline.isEmpty()) {
            table(html, "Against the baseline", BaselineTable.cells(baseline));
        }
        if (report.capacity() != null) {
            table(html, "Capacity search", CapacityTable.rows(report.capacity()));
        }
        traces(html, report);
        charts.values().forEach(svg -> html.append("<div>").append(svg).append("</div>"));
        return html.toString();
    }

    /** The slowest samples of each metric and the first errors, with their trace ids (links with horde.trace.link). */
    private static void traces(StringBuilder html, RunResult report) {
        RunMetrics metrics = report.outcome().metrics();
        if (metrics.byName().values().stream().anyMatch(metric -> !metric.slowest().isEmpty())) {
            html.append("<h3>Slowest samples and their traces</h3><table><tr><th>metric</th><th>latency</th>"
                    + "<th>ended at</th><th>trace</th></tr>");
            for (MetricSnapshot metric : metrics.byName().values()) {
                for (TracedSample sample : metric.slowest()) {
                    html.append("<tr><td>").append(Html.escape(metric.name())).append("</td><td>")
                            .append(Format.millis(sample.millis())).append("</td><td>")
                            .append(Instant.ofEpochMilli(sample.epochMillis())).append("</td><td>")
                            .append(trace(report, sample.traceId())).append("</td></tr>");
                }
            }
            html.append("</table>");
        }
        List<ErrorSample> errors = metrics.errorSamples().stream().filter(sample -> sample.traceId() != null).toList();
        if (!errors.isEmpty()) {
            html.append("<h3>First errors and their traces</h3><table><tr><th>metric</th><th>cause</th><th>trace</th>"
                    + "</tr>");
            for (ErrorSample sample : errors) {
                html.append("<tr><td>").append(Html.escape(sample.metric())).append("</td><td>")
                        .append(Html.escape(sample.cause())).append("</td><td>")
                        .append(trace(report, sample.traceId())).append("</td></tr>");
            }
            html.append("</table>");
        }
    }

    private static String trace(RunResult report, String traceId) {
        String code = "<code>" + Html.escape(traceId) + "</code>";
        return Traces.link(report.plan(), traceId)
                .map(link -> "<a href=\"" + Html.escape(link) + "\">" + code + "</a>").orElse(code);
    }

    /** A heading and a table whose first row is its header. */
    private static void table(StringBuilder html, String heading, List<List<String>> rows) {
        html.append("<h3>").append(Html.escape(heading)).append("</h3><table>");
        for (int i = 0; i < rows.size(); i++) {
            String cell = i == 0 ? "th" : "td";
            html.append("<tr>");
            rows.get(i).forEach(value -> html.append('<').append(cell).append('>').append(Html.escape(value))
                    .append("</").append(cell).append('>'));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    /** The style class of a verdict: {@code ok}, {@code fail} or {@code inconclusive}. */
    static String verdictClass(String verdict) {
        return switch (verdict) {
            case "passed" -> "ok";
            case "inconclusive" -> "inconclusive";
            default -> "fail";
        };
    }
}
