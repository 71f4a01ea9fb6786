package dev.horde.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The JUnit XML report with a test case per budget, read back with the JDK's XML parser as a CI server reads
 * Surefire's: names, classname, counts, failure messages, and an inconclusive budget skipped.
 */
class JUnitXmlTests {

    @TempDir
    Path reports;

    @TempDir
    Path junit;

    @Test
    void eachBudgetIsATestCaseUnderTheLoadTest() throws Exception {
        Fixtures.run(TwoBudgets.class, reports, Map.of(LoadTest.JUNIT_DIR_PROPERTY_NAME, junit.toString()));

        Element suite = read("TEST-" + TwoBudgets.class.getName() + ".run-budgets.xml");
        assertThat(suite.getAttribute("name")).isEqualTo(TwoBudgets.class.getName() + ".run budgets");
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        Element latency = (Element) cases.item(0);
        assertThat(latency.getAttribute("classname")).isEqualTo(TwoBudgets.class.getName() + ".run");
        assertThat(latency.getAttribute("name")).isEqualTo("p95 of iteration <= 1 ms");
        Element failure = (Element) latency.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).matches("p95 of iteration was [\\d.]+ ms, budget 1 ms \\(n=[\\d,]+\\)");
        Element errors = (Element) cases.item(1);
        assertThat(errors.getAttribute("name")).isEqualTo("error rate of iteration <= 0%");
        assertThat(errors.getElementsByTagName("failure").getLength()).isZero();
        assertThat(errors.getElementsByTagName("system-out").item(0).getTextContent())
                .startsWith("error rate of iteration was 0% (0 of ");
    }

    @Test
    void aBudgetBrokenWhileTheGeneratorWasTheLimitIsSkipped() throws Exception {
        Fixtures.run(PoolTooSmall.class, reports, Map.of(LoadTest.JUNIT_DIR_PROPERTY_NAME, junit.toString()));

        Element suite = read("TEST-" + PoolTooSmall.class.getName() + ".run-budgets.xml");
        assertThat(suite.getAttribute("tests")).as("the latency budget, the schedule, something succeeded").isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
        assertThat(skipped.getAttribute("message")).startsWith("inconclusive: p95 of iteration was ")
                .contains("— the load generator was the limit (schedule: ");
    }

    @Test
    void offWritesNone() throws IOException {
        Fixtures.run(TwoBudgets.class, reports, Map.of(LoadTest.JUNIT_DIR_PROPERTY_NAME, "off"));

        try (var files = Files.list(junit)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void charactersXmlForbidsAreDroppedAndMarkupEscaped() {
        assertThat(JUnitXml.escape("a<b & \"c\"\u0001\nd")).isEqualTo("a&lt;b &amp; &quot;c&quot;&#10;d");
    }

    private Element read(String file) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(junit.resolve(file).toFile());
        return document.getDocumentElement();
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class TwoBudgets {
        @LoadTest(users = 2, duration = "2s")
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        @ErrorBudget(metric = "iteration", maxRate = 0)
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(5); // stands in for a request
        }
    }

    static class PoolTooSmall {
        @LoadTest(rate = "40/s", users = 1, duration = "2s")
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
