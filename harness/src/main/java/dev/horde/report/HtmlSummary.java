package dev.horde.report;

import dev.horde.plan.LoadPlan;
import dev.horde.verdict.BudgetResult;
import java.util.Map;

/** A self-contained HTML page of a load test: the summary table, every budget, and the charts inline. */
final class HtmlSummary {

    private HtmlSummary() {
    }

    static String render(TestReport report, Map<String, String> charts) {
        LoadPlan plan = report.plan();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(SvgChart.escape(plan.testId())).append("</title><style>"
                        + "body{font-family:sans-serif;margin:16px}table{border-collapse:collapse}"
                        + "td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.ok{color:#2a7d2a}.fail{color:#c62828}"
                        + "</style></head><body>")
                .append("<h2>").append(SvgChart.escape(plan.testId())).append("</h2><p>")
                .append(SvgChart.escape(plan.describe())).append(", ").append(report.threads())
                .append(" threads, seed ").append(plan.seed()).append(" &mdash; <b class=\"")
                .append(report.passed() ? "ok\">PASSED" : "fail\">FAILED").append("</b></p><table>");
        String[] table = ConsoleSummary.render(report).lines()
                .filter(line -> line.startsWith("  ") && !line.startsWith("  budgets") && !line.startsWith("    ")
                        && !line.startsWith("  summary") && !line.startsWith("  warning")
                        && !line.startsWith("  generator warm-up"))
                .toArray(String[]::new);
        for (int row = 0; row < table.length; row++) {
            String tag = row == 0 ? "th" : "td";
            html.append("<tr>");
            for (String cell : table[row].strip().split(" {2,}")) {
                html.append('<').append(tag).append('>').append(SvgChart.escape(cell)).append("</").append(tag).append('>');
            }
            html.append("</tr>");
        }
        html.append("</table>");
        if (report.outcome().generatorSaturated()) {
            html.append("<p class=\"fail\">").append(SvgChart.escape(GeneratorLoad.describe(report.outcome())))
                    .append("</p>");
        }
        if (report.generatorWarmUp() != null) {
            html.append("<p>Generator warm-up before the run, not counted: ")
                    .append(SvgChart.escape(report.generatorWarmUp().describe())).append("</p>");
        }
        html.append("<h3>Budgets</h3><ul>");
        for (BudgetResult budget : report.verdict().results()) {
            html.append("<li class=\"").append(budget.passed() ? "ok\">&#10004; " : "fail\">&#10008; ")
                    .append(SvgChart.escape(budget.message())).append("</li>");
        }
        html.append("</ul>");
        charts.values().forEach(svg -> html.append("<div>").append(svg).append("</div>"));
        return html.append("</body></html>\n").toString();
    }
}
