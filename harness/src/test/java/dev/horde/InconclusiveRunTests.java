package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A run whose load generator was the limit (behind its schedule, or its JVM using all cores) did not measure the
 * service: the latency, throughput and schedule budgets it broke make the test aborted as inconclusive, shown as
 * skipped, unless told to fail; budgets the generator cannot break still fail it.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class InconclusiveRunTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @Test
    void aRunBehindItsScheduleIsInconclusiveAndSkipped() {
        EngineExecutionResults results = Fixtures.run(PoolTooSmall.class, reports);

        results.testEvents().assertStatistics(stats -> stats.aborted(1).failed(0).succeeded(0));
        String reason = abortReason(results);
        assertThat(reason).startsWith("Load test PoolTooSmall.read is inconclusive: the load generator was the limit"
                        + " (schedule: ")
                .contains("the pool of 1 user could not keep the rate")
                .contains("so the service was not measured at the planned load.\n")
                .contains("p95 of GET /sleep was ")
                .endsWith("or set -Dhorde.inconclusive=fail to fail such runs.");
        JsonPath summary = Fixtures.summary(reports, PoolTooSmall.class, "read");
        assertThat(summary.getString("verdict")).isEqualTo("inconclusive");
        assertThat(summary.getList("budgets.passed")).as("the error budget held and still shows so")
                .containsExactly(false, true, false);
    }

    @Test
    void toldToFailItFails() {
        EngineExecutionResults results = Fixtures.run(PoolTooSmall.class, reports,
                Map.of(LoadTest.INCONCLUSIVE_PROPERTY_NAME, "fail"));

        results.testEvents().assertStatistics(stats -> stats.failed(1).aborted(0));
        assertThat(Fixtures.failureMessage(results)).startsWith("1 of 2 budgets and 1 implicit check broken in"
                + " PoolTooSmall.read");
        assertThat(Fixtures.summary(reports, PoolTooSmall.class, "read").getString("verdict")).isEqualTo("failed");
    }

    @Test
    void aBrokenErrorBudgetFailsEvenWhenTheGeneratorWasTheLimit() {
        EngineExecutionResults results = Fixtures.run(PoolTooSmallAndFailing.class, reports);

        results.testEvents().assertStatistics(stats -> stats.failed(1).aborted(0));
        assertThat(Fixtures.failureMessage(results)).contains("error rate of GET /fail was 100.0% (");
    }

    @Test
    void aGeneratorUsingAllCoresIsTheLimit() {
        EngineExecutionResults results = Fixtures.run(BusyGenerator.class, reports);

        results.testEvents().assertStatistics(stats -> stats.aborted(1));
        assertThat(abortReason(results)).startsWith("Load test BusyGenerator.spin is inconclusive: the load generator"
                + " was the limit (this JVM used ").contains("of all cores once every user had started)");
    }

    private static String abortReason(EngineExecutionResults results) {
        return results.testEvents().aborted().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class PoolTooSmall {
        @LoadTest(rate = "40/s", users = 1, duration = "2s")
        @LatencyBudget(metric = "GET /sleep", p95 = "1ms")
        @ErrorBudget(metric = "GET /sleep", maxRate = 0.01)
        void read() {
            server.api().get("/sleep").query("ms", 100).send();
        }
    }

    static class PoolTooSmallAndFailing {
        @LoadTest(rate = "40/s", users = 1, duration = "2s")
        @ErrorBudget(metric = "GET /fail", maxRate = 0.01)
        void read() throws InterruptedException {
            server.api().get("/fail").send();
            Thread.sleep(100);
        }
    }

    static class BusyGenerator {
        /** Twice as many users as cores, each spinning: this JVM takes every core. */
        @LoadTest(users = 16, duration = "3s")
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        void spin() {
            long until = System.nanoTime() + 50_000_000;
            long spins = 0;
            while (System.nanoTime() < until) {
                spins++;
            }
            if (spins < 0) {
                throw new IllegalStateException();
            }
        }
    }
}
