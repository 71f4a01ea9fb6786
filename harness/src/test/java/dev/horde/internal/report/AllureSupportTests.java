package dev.horde.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.Stage;
import dev.horde.testing.AllureCase;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load test fills the running Allure test case: parameters, a step per budget, charts and files. */
class AllureSupportTests {

    @TempDir
    Path results;

    @TempDir
    Path reports;

    @Test
    void theResultHasParametersBudgetStepsChartsAndFiles() throws IOException {
        AllureCase allureCase = AllureCase.run(TwoBudgets.class, reports, results);
        JsonPath result = allureCase.result();

        assertThat(parameters(allureCase)).containsEntry("users", "2").containsEntry("duration", "2s")
                .containsEntry("model", "closed").containsEntry("load", "2 users, 2s").containsKeys("target", "seed");
        assertThat(result.getList("steps.name", String.class)).hasSize(2)
                .anySatisfy(name -> assertThat(name).startsWith("budget kept: error rate of iteration was 0%"))
                .anySatisfy(name -> assertThat(name).matches("budget broken: p95 of iteration was [\\d.]+ ms, budget 1 ms .*"));
        assertThat(result.getList("steps.status", String.class)).containsExactlyInAnyOrder("passed", "failed");
        List<String> attachments = result.getList("attachments.name", String.class);
        assertThat(attachments).contains("load test summary", "latency of iteration", "throughput and errors",
                "active users", "latency distribution", "JSON summary", "HdrHistogram interval log");
        String latencyChart = Files.readString(allureCase.attachment("latency of iteration"));
        assertThat(latencyChart).startsWith("<svg").contains("p95 &lt;= 1 ms (budget)").contains("<polyline");
        String summary = Files.readString(allureCase.attachment("load test summary"));
        assertThat(summary).contains("<table>").contains("p95 of iteration was").contains("<svg");
        assertThat(Files.readString(results.resolve("environment.properties"))).contains("Java=").contains("Horde=");
    }

    @Test
    void eachBudgetIsAResultOfItsOwnUnderTheLoadTest() throws IOException {
        AllureCase allureCase = AllureCase.run(TwoBudgets.class, reports, results);

        List<JsonPath> budgets = allureCase.budgetResults();
        assertThat(budgets).extracting(budget -> budget.getString("name")).containsExactlyInAnyOrder(
                "p95 of iteration <= 1 ms", "error rate of iteration <= 0%");
        JsonPath broken = budgets.stream().filter(budget -> budget.getString("name").startsWith("p95")).findFirst()
                .orElseThrow();
        assertThat(broken.getString("status")).isEqualTo("failed");
        assertThat(broken.getString("statusDetails.message")).matches("p95 of iteration was [\\d.]+ ms, budget 1 ms .*");
        assertThat(broken.getString("fullName")).isEqualTo(TwoBudgets.class.getName() + ".run [p95 of iteration <= 1 ms]");
        assertThat(broken.getString("labels.find { it.name == 'subSuite' }.value")).isEqualTo("TwoBudgets.run");
        assertThat(budgets).extracting(budget -> budget.getString("historyId")).doesNotHaveDuplicates();
        assertThat(budgets.stream().filter(budget -> budget.getString("status").equals("passed")).count()).isOne();
    }

    @Test
    void openAndStagedRunsAreShownAsTheyRan() throws IOException {
        Map<String, String> open = parameters(AllureCase.run(OpenModel.class, reports, Files.createDirectories(results.resolve("open"))));
        assertThat(open).containsEntry("model", "open").containsEntry("load", "20/s, pool of 3 users, 2s, ramp-up 1s");

        Map<String, String> staged = parameters(AllureCase.run(Staged.class, reports, Files.createDirectories(results.resolve("staged"))));
        assertThat(staged).containsEntry("model", "closed")
                .containsEntry("load", "2 users, 2s, stages 1s → 1, 1s → 2").doesNotContainKey("ramp-up");
    }

    @Test
    void aProjectWithoutAllureOnItsClassPathRunsUnchanged() throws Exception {
        Path output = reports.resolve("child.log");
        Process child = ChildJvm.start(TwoBudgets.class, reports, output, Map.of(), entry -> !entry.contains("allure"));

        assertThat(ChildJvm.endsWithin(child, 60)).isTrue();
        String printed = Files.readString(output);
        assertThat(printed).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException")
                .contains("Horde " + TwoBudgets.class.getName() + ".run");
        assertThat(Fixtures.summary(reports, TwoBudgets.class, "run").getList("budgets")).hasSize(2);
    }

    @Test
    void theSlowestRequestIsAParameterAndItsTraceALink() throws IOException {
        AllureCase allureCase;
        try (TestServer server = TestServer.start()) {
            allureCase = AllureCase.run(Asking.class, reports, results, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                    server.baseUri(), LoadTest.TRACE_LINK_PROPERTY_NAME, "http://127.0.0.1:16686/trace/{traceId}"));
        }

        String slowest = Fixtures.summary(reports, Asking.class, "ask").getString("metrics['*'].slowest[0].traceId");
        assertThat(parameters(allureCase)).hasEntrySatisfying("slowest request", value -> assertThat(value)
                .startsWith("GET /ok ").contains("trace " + slowest));
        assertThat(allureCase.result().getList("links.url", String.class))
                .containsExactly("http://127.0.0.1:16686/trace/" + slowest);
    }

    private static Map<String, String> parameters(AllureCase allureCase) throws IOException {
        Map<String, String> parameters = new HashMap<>();
        allureCase.result().getList("parameters", Map.class)
                .forEach(p -> parameters.put((String) p.get("name"), (String) p.get("value")));
        return parameters;
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A user that asks for /ok. */
    public static class Asker extends UserEntity {
        void ask() {
            api().get("/ok").send();
        }
    }

    static class Asking {
        @LoadTest(users = 1, duration = "1s")
        void ask(Asker user) {
            user.ask();
        }
    }

    static class TwoBudgets {
        @LoadTest(users = 2, duration = "2s")
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        @ErrorBudget(maxRate = 0)
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(5); // stands in for a request
        }
    }

    static class OpenModel {
        @LoadTest(users = 3, rate = "20/s", duration = "2s", rampUp = "1s")
        void run() {
        }
    }

    static class Staged {
        @LoadTest
        @Stage(duration = "1s", users = 1)
        @Stage(duration = "1s", users = 2)
        void run() {
        }
    }
}
