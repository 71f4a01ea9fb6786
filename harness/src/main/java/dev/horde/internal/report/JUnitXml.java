package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.GeneratorLimit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Writes {@code TEST-<fully.qualified.Class>.<method>-budgets.xml}: a JUnit XML test suite named after the load test,
 * a test case per budget (its description as the name, the load test as the class name) that passed, failed with its
 * message, or was skipped as inconclusive. Written beside Surefire's own reports, CI servers that read
 * {@code TEST-*.xml} (Jenkins, GitLab, GitHub test reporters, Maven's surefire-report) show each budget as a row under
 * the load test, while the load test ran once.
 */
@API(status = INTERNAL, since = "0.1")
public final class JUnitXml {

    private JUnitXml() {
    }

    /** Writes the budgets of {@code report} into {@code directory}; returns the file. */
    public static Path write(RunResult report, Path directory) throws IOException {
        String testId = report.plan().testId();
        List<BudgetResult> budgets = report.verdict().results();
        Optional<String> inconclusive = report.inconclusive();
        boolean merged = report.merged() != null; // no Surefire report has the load test itself: this one does
        long failures = budgets.stream().filter(b -> !b.passed() && !skipped(b, inconclusive)).count()
                + (merged && !report.passed() && inconclusive.isEmpty() ? 1 : 0);
        long skipped = budgets.stream().filter(b -> skipped(b, inconclusive)).count()
                + (merged && inconclusive.isPresent() ? 1 : 0);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"").append(escape(testId)).append(" budgets\" tests=\"")
                .append(budgets.size() + (merged ? 1 : 0))
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"").append(skipped)
                .append("\" time=\"").append(seconds(report)).append("\" timestamp=\"")
                .append(report.startedAt().atOffset(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS))
                .append("\">\n  <properties>\n")
                .append(property("horde.load", report.plan().describe()))
                .append(property("horde.verdict", report.verdictLabel()))
                .append(property("horde.stoppedEarly", report.outcome().stoppedEarly()))
                .append("  </properties>\n");
        if (merged) {
            loadTest(report, xml);
        }
        for (BudgetResult budget : budgets) {
            xml.append("  <testcase classname=\"").append(escape(testId)).append("\" name=\"")
                    .append(escape(budget.description() + (budget.implicit() ? " (implicit)" : "")))
                    .append("\" time=\"0\">\n");
            if (skipped(budget, inconclusive)) {
                xml.append("    <skipped message=\"").append(escape("inconclusive: " + budget.message()
                        + " — the load generator was the limit (" + inconclusive.orElseThrow() + ")")).append("\"/>\n");
            } else if (!budget.passed()) {
                xml.append("    <failure message=\"").append(escape(budget.message()))
                        .append("\" type=\"budget broken\">").append(escape(budget.message())).append("</failure>\n");
            } else {
                xml.append("    <system-out>").append(escape(budget.message())).append("</system-out>\n");
            }
            xml.append("  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        Files.createDirectories(directory);
        Path file = directory.resolve("TEST-" + testId.replaceAll("[^A-Za-z0-9._$-]", "_") + "-budgets.xml");
        Path written = Files.writeString(directory.resolve(file.getFileName() + ".tmp"), xml, StandardCharsets.UTF_8);
        return Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The case of a load test merged from segments: failed with what broke, skipped when inconclusive. */
    private static void loadTest(RunResult report, StringBuilder xml) {
        String method = report.plan().testId().substring(report.plan().testId().lastIndexOf('.') + 1);
        xml.append("  <testcase classname=\"").append(escape(report.plan().testId())).append("\" name=\"")
                .append(escape(method + " (" + report.merged().count() + " segments merged)")).append("\" time=\"")
                .append(seconds(report)).append("\">\n");
        String message = report.verdict().failureMessage(report.plan().testName(), report.plan().describe(),
                report.outcome().metrics());
        if (report.inconclusive().isPresent()) {
            xml.append("    <skipped message=\"").append(escape("inconclusive: the load generator was the limit ("
                    + report.inconclusive().get() + ")")).append("\"/>\n");
        } else if (!report.passed()) {
            String why = report.outcome().stoppedEarly() == null ? message
                    : "stopped early: " + report.outcome().stoppedEarly() + "\n" + message;
            xml.append("    <failure message=\"").append(escape(why)).append("\" type=\"load test failed\">")
                    .append(escape(why)).append("</failure>\n");
        }
        xml.append("  </testcase>\n");
    }

    private static boolean skipped(BudgetResult budget, Optional<String> inconclusive) {
        return inconclusive.isPresent() && !budget.passed() && GeneratorLimit.distorts(budget);
    }

    private static String seconds(RunResult report) {
        return String.format(Locale.ROOT, "%.3f", report.outcome().elapsed().toMillis() / 1_000.0);
    }

    private static String property(String name, String value) {
        return value == null ? "" : "    <property name=\"" + name + "\" value=\"" + escape(value) + "\"/>\n";
    }

    /** Text made safe for XML 1.0 element content and attributes: markup escaped, characters XML forbids dropped. */
    static String escape(String text) {
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> safe.append("&amp;");
                case '<' -> safe.append("&lt;");
                case '>' -> safe.append("&gt;");
                case '"' -> safe.append("&quot;");
                case '\n' -> safe.append("&#10;");
                default -> {
                    if (c == '\t' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000) {
                        safe.appendCodePoint(c);
                    }
                }
            }
        });
        return safe.toString();
    }
}
