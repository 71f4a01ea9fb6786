package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Capacity searches against a real server of known capacity: two requests at a time, 20 ms each, so 100 requests per
 * second at most. The search must find the knee within one step, stop soon after it, and fail a minimum above it.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class CapacitySearchTests {

    static TestServer server;

    @TempDir
    Path reports;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
        server.serveAtOnce(2);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void theSearchFindsTheKneeOfAServerOfKnownCapacityWithinOneStep() {
        EngineExecutionResults results = Fixtures.run(OpenSearch.class, reports);

        Fixtures.assertPassed(results);
        JsonPath summary = Fixtures.summary(reports, OpenSearch.class, "read");
        double found = summary.getDouble("capacity.found");
        assertThat(found).as("the knee is at 100/s; steps of 20/s").isBetween(80.0, 100.0);
        List<Float> levels = summary.getList("capacity.steps.level", Float.class);
        assertThat(levels.get(levels.size() - 1)).as("the search stopped at the first step that broke")
                .isEqualTo((float) (found + 20));
        assertThat(summary.getBoolean("capacity.steps[-1].held")).isFalse();
        assertThat(summary.getString("capacity.steps[-1].breaches[0]")).startsWith("p95 of GET /limited was ");
        assertThat(summary.getDouble("run.elapsedMs")).as("well before the ceiling's 30 s").isLessThan(25_000.0);
        double held = summary.getDouble("capacity.steps[-2].throughput");
        assertThat(held).as("what the last step that held achieved, per second").isBetween(found * 0.9, found * 1.1);
        assertThat(summary.getString("budgets[0].description")).isEqualTo("capacity >= 40/s");
        assertThat(summary.getString("budgets[0].message")).startsWith("capacity " + (int) found + "/s, the highest"
                + " step that held every budget; at " + (int) (found + 20) + "/s p95 of GET /limited was ");
        assertThat(summary.getString("plan.stages[0].duration")).isEqualTo("0s");
    }

    @Test
    void aCapacityBelowItsMinimumFailsTheTest() {
        String failure = Fixtures.failureMessage(Fixtures.run(AskingTooMuch.class, reports));

        assertThat(failure).startsWith("1 of 1 budget broken in AskingTooMuch.read")
                .containsPattern("capacity \\d+ users, the highest step that held every budget; at \\d+ users p95 of"
                        + " GET /limited was [\\d.,]+ ms, budget 100 ms \\(n=[\\d,]+\\) — below the minimum of"
                        + " 30 users");
        JsonPath summary = Fixtures.summary(reports, AskingTooMuch.class, "read");
        assertThat(summary.getDouble("capacity.found")).as("100/s at 20 ms: about 10 users wait under 100 ms")
                .isBetween(4.0, 14.0);
    }

    @Test
    void badStepsAreRefusedBeforeAnyUserStarts() {
        long before = server.requests("/limited");

        assertThat(Fixtures.failureMessage(Fixtures.run(MixedUnits.class, reports))).isEqualTo("Configuration error:"
                + " @CapacityTest on method [read()] has 'step' [10], which is not a rate: use a number > 0 per s, m"
                + " or h, e.g. \"200/s\", \"90/m\" or \"2.5/s\", as 'start' is.");
        assertThat(server.requests("/limited")).isEqualTo(before);
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** One client per user thread, as a {@code UserEntity} holds one. */
    private static final ThreadLocal<HttpApi> CLIENTS = ThreadLocal.withInitial(() -> HttpApi.to(server.baseUri()));

    static class OpenSearch {
        @CapacityTest(start = "20/s", step = "20/s", ceiling = "200/s", hold = "3s", settle = "1s", min = "40/s")
        @LatencyBudget(metric = "GET /limited", p95 = "100ms")
        @ErrorBudget(maxRate = 0.01)
        void read() {
            CLIENTS.get().get("/limited").query("ms", 20).send();
        }
    }

    static class AskingTooMuch {
        @CapacityTest(start = "2", step = "2", ceiling = "40", hold = "3s", settle = "1s", min = "30")
        @LatencyBudget(metric = "GET /limited", p95 = "100ms")
        void read() {
            CLIENTS.get().get("/limited").query("ms", 20).send();
        }
    }

    static class MixedUnits {
        @CapacityTest(start = "10/s", step = "10", ceiling = "100/s")
        void read() {
            CLIENTS.get().get("/limited").query("ms", 20).send();
        }
    }
}
