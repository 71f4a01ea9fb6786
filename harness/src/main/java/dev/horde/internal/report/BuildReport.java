package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * {@code <report dir>/index.html}: every load test this JVM ran into the directory, with its verdict, plan, table,
 * budgets and charts, and links to its JSON summary and HdrHistogram log. One self-contained page that opens from the
 * file system; rewritten after each test, so it is there however the test plan ends.
 */
@API(status = INTERNAL, since = "0.1")
public final class BuildReport {

    /** The tests written so far, per report directory, in the order they ended; a test run again replaces its entry. */
    private static final Map<Path, Map<String, Entry>> TESTS = new HashMap<>();

    private BuildReport() {
    }

    private record Entry(String testId, boolean passed, boolean partial, String section, String json, String hlog) {
    }

    /**
     * Adds {@code report} and rewrites the index of its directory.
     *
     * @param summary its JSON summary
     * @param hdrLog its HdrHistogram log, or null when it has none yet
     * @return the index
     */
    public static Path add(RunResult report, Path summary, Path hdrLog) throws IOException {
        Path directory = report.plan().reportDirectory().toAbsolutePath().normalize();
        Entry entry = new Entry(report.plan().testId(), report.passed(), report.outcome().interrupted(),
                HtmlSummary.section(report, LoadCharts.render(report)), summary.getFileName().toString(),
                hdrLog == null ? null : hdrLog.getFileName().toString());
        List<Entry> entries;
        synchronized (TESTS) {
            Map<String, Entry> tests = TESTS.computeIfAbsent(directory, d -> new LinkedHashMap<>());
            tests.remove(entry.testId());
            tests.put(entry.testId(), entry);
            entries = new ArrayList<>(tests.values());
        }
        Path index = directory.resolve("index.html");
        Path written = Files.createTempFile(directory, "index", ".html.tmp");
        Files.writeString(written, render(entries), StandardCharsets.UTF_8);
        Files.move(written, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return index;
    }

    private static String render(List<Entry> entries) {
        long failed = entries.stream().filter(entry -> !entry.passed()).count();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Horde load tests</title>").append(HtmlSummary.STYLE).append("</head><body>")
                .append("<h1>Horde load tests</h1><p>").append(entries.size())
                .append(entries.size() == 1 ? " load test, " : " load tests, ")
                .append(failed == 0 ? "<b class=\"ok\">all passed</b>" : "<b class=\"fail\">" + failed + " failed</b>")
                .append("</p><table><tr><th>test</th><th>verdict</th><th>files</th></tr>");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            html.append("<tr><td><a href=\"#test-").append(i).append("\">").append(Html.escape(entry.testId()))
                    .append("</a></td><td class=\"").append(entry.passed() ? "ok\">PASSED" : "fail\">FAILED")
                    .append(entry.partial() ? " (interrupted, partial)" : "").append("</td><td><a href=\"")
                    .append(Html.escape(entry.json())).append("\">JSON</a>");
            if (entry.hlog() != null) {
                html.append(" &middot; <a href=\"").append(Html.escape(entry.hlog())).append("\">HdrHistogram log</a>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
        for (int i = 0; i < entries.size(); i++) {
            html.append("<section id=\"test-").append(i).append("\"><hr>").append(entries.get(i).section())
                    .append("</section>");
        }
        return html.append("</body></html>\n").toString();
    }
}
