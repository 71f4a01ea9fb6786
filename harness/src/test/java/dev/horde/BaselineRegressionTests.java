package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Regression budgets against a real server whose answers take a known time: a run recorded as the baseline, the same
 * server again (no regression), then the server slowed down (a regression, with its confidence interval), and every way
 * a baseline can be missing or wrong.
 */
class BaselineRegressionTests {

    static TestServer server;
    /** How long the server takes to answer, ms. */
    static volatile int delay = 2;

    @TempDir
    Path reports;

    @TempDir
    Path baseline;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aSlowedServerTripsTheGateAndAnUnchangedOneDoesNot() throws Exception {
        delay = 2;
        Fixtures.assertPassed(Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_RECORD_PROPERTY_NAME,
                baseline.toString())));
        assertThat(baseline.resolve(Reads.class.getName() + ".read.json")).exists();
        assertThat(baseline.resolve(Reads.class.getName() + ".read.hlog")).exists();

        Fixtures.assertPassed(Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_PROPERTY_NAME,
                baseline.toString())));
        JsonPath unchanged = Fixtures.summary(reports, Reads.class, "read");
        assertThat(unchanged.getString("baseline.directory")).isEqualTo(baseline.toString());
        assertThat(unchanged.getDouble("baseline.metrics['GET /sleep'].baselineP95Ms")).as("every metric beside the"
                + " baseline's").isPositive();
        assertThat(unchanged.getDouble("baseline.metrics['*'].baselineRps")).isPositive();
        assertThat(unchanged.getString("budgets[0].description"))
                .isEqualTo("p95 of GET /sleep against the baseline <= +10%");
        assertThat(unchanged.getString("budgets[0].message")).matches("p95 of GET /sleep: [\\d.]+ ms against a"
                + " baseline of [\\d.]+ ms \\([+-][\\d.]+%, 95% CI [+-][\\d.]+%…[+-][\\d.]+%\\), allowed \\+10%.*");

        delay = 50;
        try {
            String failure = Fixtures.failureMessage(Fixtures.run(Reads.class, reports,
                    Map.of(LoadTest.BASELINE_PROPERTY_NAME, baseline.toString())));
            assertThat(failure).containsPattern("p95 of GET /sleep: [\\d.]+ ms against a baseline of [\\d.]+ ms"
                    + " \\(\\+\\d+%, 95% CI \\+\\d+%…\\+\\d+%\\), allowed \\+10%");
            JsonPath slowed = Fixtures.summary(reports, Reads.class, "read");
            assertThat(slowed.getDouble("budgets[0].measured")).as("the change").isGreaterThan(0.5);
            assertThat(slowed.getBoolean("budgets[0].passed")).isFalse();
            assertThat(slowed.getString("budgets[1].description"))
                    .isEqualTo("throughput of GET /sleep against the baseline >= -5.0%");
            assertThat(slowed.getBoolean("budgets[1].passed")).as("fewer reads per second: users wait longer")
                    .isFalse();
        } finally {
            delay = 2;
        }
    }

    @Test
    void withoutABaselineTheTestSaysSoAndPasses() {
        Fixtures.assertPassed(Fixtures.run(Reads.class, reports));

        JsonPath summary = Fixtures.summary(reports, Reads.class, "read");
        assertThat(summary.getString("baseline.notice")).isEqualTo("no baseline to compare with: set"
                + " -Dhorde.baseline=<the report directory of an earlier run>; 2 limits not judged");
        assertThat(summary.getList("budgets.description", String.class)).noneMatch(d -> d.contains("baseline"));
    }

    @Test
    void aBaselineWithoutThisTestIsANoticeOrAnErrorWhenToldSo() throws Exception {
        Files.createDirectories(baseline);
        Fixtures.assertPassed(Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_PROPERTY_NAME,
                baseline.toString())));
        assertThat(Fixtures.summary(reports, Reads.class, "read").getString("baseline.notice"))
                .startsWith("no baseline of Reads.read in " + baseline + " (no " + Reads.class.getName()
                        + ".read.json there)");

        EngineExecutionResults strict = Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_PROPERTY_NAME,
                baseline.toString(), LoadTest.BASELINE_MISSING_PROPERTY_NAME, "fail"));
        assertThat(Fixtures.failureMessage(strict)).isEqualTo("Configuration error: @RegressionBudget(metric ="
                + " \"GET /sleep\") on method [read()] has no baseline of Reads.read in " + baseline + " (no "
                + Reads.class.getName() + ".read.json there); horde.baseline.missing=fail makes that an error.");
    }

    @Test
    void aBaselineOfAnotherPlanIsRefusedBeforeAnyUserStarts() {
        Fixtures.assertPassed(Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_RECORD_PROPERTY_NAME,
                baseline.toString())));
        long before = server.requests("/sleep");

        String failure = Fixtures.failureMessage(Fixtures.run(Reads.class, reports, Map.of(
                LoadTest.BASELINE_PROPERTY_NAME, baseline.toString(), LoadTest.USERS_PROPERTY_NAME, "3")));

        assertThat(failure).isEqualTo("Configuration error: @RegressionBudget(metric = \"GET /sleep\") on method"
                + " [read()]: the baseline in " + baseline + " ran another plan (users 2 there, 3 here; stages 0s → 2,"
                + " 3s → 2 there, 0s → 3, 3s → 3 here): compare with a run of this plan, or record a new baseline with"
                + " -Dhorde.baseline.record.");
        assertThat(server.requests("/sleep")).as("no request sent").isEqualTo(before);
    }

    /**
     * The false-positive rate: {@code pairs} pairs of runs of the unchanged server, each second run compared with the
     * first. A measurement, not a check: {@code -Dhorde.measure.falsePositives=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "horde.measure.falsePositives", matches = "true")
    void falsePositivesOfTheUnchangedServer() throws Exception {
        int pairs = Integer.getInteger("horde.measure.pairs", 10);
        int regressions = 0;
        for (int pair = 0; pair < pairs; pair++) {
            Path recorded = Files.createDirectories(baseline.resolve("pair-" + pair));
            Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_RECORD_PROPERTY_NAME, recorded.toString()));
            Fixtures.run(Reads.class, reports, Map.of(LoadTest.BASELINE_PROPERTY_NAME, recorded.toString()));
            JsonPath summary = Fixtures.summary(reports, Reads.class, "read");
            boolean regressed = !summary.getBoolean("budgets[0].passed") || !summary.getBoolean("budgets[1].passed");
            regressions += regressed ? 1 : 0;
            System.out.println("[false positives] pair " + pair + ": " + summary.getString("budgets[0].message")
                    + " | " + summary.getString("budgets[1].message") + (regressed ? "  REGRESSION" : ""));
        }
        System.out.println("[false positives] " + regressions + " of " + pairs + " pairs");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** One client per user thread, as a {@code UserEntity} holds one. */
    private static final ThreadLocal<HttpApi> CLIENTS = ThreadLocal.withInitial(() -> HttpApi.to(server.baseUri()));

    static class Reads {
        @LoadTest(users = 2, duration = "3s")
        @RegressionBudget(metric = "GET /sleep", p95 = "10%", throughput = "5%")
        void read() {
            CLIENTS.get().get("/sleep").query("ms", delay).send();
        }
    }
}
