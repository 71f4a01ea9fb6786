package dev.horde.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.Fixtures;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load test fills the running Allure test case: parameters, a step per budget, charts and files. */
class AllureSupportTests {

    @TempDir
    Path results;

    @TempDir
    Path reports;

    private AllureLifecycle original;

    @BeforeEach
    void useTemporaryResults() {
        original = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        System.setProperty("allure.results.directory", results.toString());
    }

    @AfterEach
    void restore() {
        Allure.setLifecycle(original);
        System.clearProperty("allure.results.directory");
    }

    @Test
    void theResultHasParametersBudgetStepsChartsAndFiles() throws IOException {
        JsonPath result = runInsideAllureTestCase(TwoBudgets.class);

        Map<String, String> parameters = new java.util.HashMap<>();
        result.getList("parameters", Map.class).forEach(p -> parameters.put((String) p.get("name"), (String) p.get("value")));
        assertThat(parameters).containsEntry("users", "2").containsEntry("duration", "2s").containsKeys("target", "seed");
        assertThat(result.getList("steps.name", String.class)).hasSize(2)
                .anySatisfy(name -> assertThat(name).startsWith("budget kept: error rate of iteration was 0%"))
                .anySatisfy(name -> assertThat(name).matches("budget broken: p95 of iteration was [\\d.]+ ms, budget 1 ms .*"));
        assertThat(result.getList("steps.status", String.class)).containsExactlyInAnyOrder("passed", "failed");
        List<String> attachments = result.getList("attachments.name", String.class);
        assertThat(attachments).contains("load test summary", "latency of iteration", "throughput and errors",
                "active users", "latency distribution", "JSON summary", "HdrHistogram interval log");
        String latencyChart = Files.readString(results.resolve(source(result, "latency of iteration")));
        assertThat(latencyChart).startsWith("<svg").contains("p95 &lt;= 1 ms (budget)").contains("<polyline");
        String summary = Files.readString(results.resolve(source(result, "load test summary")));
        assertThat(summary).contains("<table>").contains("p95 of iteration was").contains("<svg");
        assertThat(Files.readString(results.resolve("environment.properties"))).contains("Java=").contains("Horde=");
    }

    @Test
    void aProjectWithoutAllureOnItsClassPathRunsUnchanged() throws Exception {
        Path output = reports.resolve("child.log");
        Process child = ChildJvm.start(TwoBudgets.class, reports, output, entry -> !entry.contains("allure"));

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String printed = Files.readString(output);
        assertThat(printed).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException")
                .contains("Horde " + TwoBudgets.class.getName() + ".run");
        assertThat(Fixtures.summary(reports, TwoBudgets.class, "run").getList("budgets")).hasSize(2);
    }

    private JsonPath runInsideAllureTestCase(Class<?> fixture) throws IOException {
        String uuid = UUID.randomUUID().toString();
        AllureLifecycle lifecycle = Allure.getLifecycle();
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(fixture.getSimpleName()));
        lifecycle.startTestCase(uuid);
        Fixtures.run(fixture, reports); // on this thread, so the load test sees the running test case
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
        try (Stream<Path> files = Files.list(results)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("-result.json")).findFirst().orElseThrow();
            return JsonPath.from(file.toFile());
        }
    }

    private static String source(JsonPath result, String attachment) {
        return result.getString("attachments.find { it.name == '" + attachment + "' }.source");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class TwoBudgets {
        @LoadTest(users = 2, duration = "2s")
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        @ErrorBudget(maxRate = 0)
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(5); // stands in for a request
        }
    }
}
