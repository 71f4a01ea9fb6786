package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's warm-up: the test's own iterations before its clock, against the real target, never counted in
 * the test, never faster than the test's own load, ended by a failing target, and bounded by a JUnit timeout.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class GeneratorWarmUpTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @Test
    void theWarmUpsRequestsReachTheTargetButAreNotCountedInTheTest() {
        Fixtures.assertPassed(Fixtures.run(FourUsers.class, reports, Map.of("horde.generatorWarmUp", "6s")));

        JsonPath summary = Fixtures.summary(reports, FourUsers.class, "get");
        int warmUpIterations = summary.getInt("generatorWarmUp.iterations");
        assertThat(summary.getInt("generatorWarmUp.users")).isEqualTo(4);
        assertThat(warmUpIterations).isPositive();
        assertThat(server.requests("/ok")).as("the warm-up's requests and the test's, one per iteration")
                .isEqualTo(warmUpIterations + summary.getLong("metrics['GET /ok'].sent"));
        assertThat(summary.getLong("metrics.iteration.count")).isEqualTo(summary.getLong("metrics['GET /ok'].count"));
        if (summary.getBoolean("generatorWarmUp.settled")) {
            assertThat(summary.getLong("generatorWarmUp.ms")).as("a few rounds of a second before it can tell")
                    .isGreaterThanOrEqualTo(2_500);
        } else {
            assertThat(summary.getLong("generatorWarmUp.ms")).as("else its cap").isGreaterThanOrEqualTo(6_000);
        }
    }

    @Test
    void theWarmUpNeverStartsIterationsFasterThanTheTestsRate() {
        Fixtures.assertPassed(Fixtures.run(TwentyPerSecond.class, reports, Map.of("horde.generatorWarmUp", "4s")));

        JsonPath summary = Fixtures.summary(reports, TwentyPerSecond.class, "get");
        double seconds = summary.getLong("generatorWarmUp.ms") / 1e3;
        assertThat(summary.getInt("generatorWarmUp.iterations")).isPositive()
                .isLessThanOrEqualTo((int) Math.ceil(20 * seconds) + 4);
    }

    @Test
    void aTargetThatFailsEndsTheWarmUpAndTheTestSaysWhatItDoes() {
        Fixtures.run(AlwaysFailing.class, reports, Map.of("horde.generatorWarmUp", "20s"));

        JsonPath summary = Fixtures.summary(reports, AlwaysFailing.class, "get");
        assertThat(summary.getBoolean("generatorWarmUp.settled")).isFalse();
        assertThat(summary.getLong("generatorWarmUp.failed")).isEqualTo(summary.getLong("generatorWarmUp.iterations"));
        assertThat(summary.getLong("generatorWarmUp.ms")).as("not its cap").isLessThan(20_000);
        assertThat(summary.getString("diagnosis")).startsWith("target failing: ");
    }

    @Test
    void aJUnitTimeoutLeavesTheRunThreeQuartersOfItself() {
        Fixtures.assertPassed(Fixtures.run(EightSecondTimeout.class, reports, Map.of("horde.generatorWarmUp", "60s")));

        assertThat(Fixtures.summary(reports, EightSecondTimeout.class, "get").getLong("generatorWarmUp.ms"))
                .isLessThan(8_000);
    }

    @Test
    void offMeansNone() {
        Fixtures.assertPassed(Fixtures.run(FourUsers.class, reports, Map.of("horde.generatorWarmUp", "off")));

        assertThat(Fixtures.summary(reports, FourUsers.class, "get").getMap("generatorWarmUp")).isNull();
        assertThat(server.requests("/ok"))
                .isEqualTo(Fixtures.summary(reports, FourUsers.class, "get").getLong("metrics['GET /ok'].sent"));
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class FourUsers {
        @LoadTest(users = 4, duration = "2s")
        void get() {
            server.api().get("/ok").send();
        }
    }

    static class TwentyPerSecond {
        @LoadTest(users = 4, rate = "20/s", duration = "2s")
        void get() {
            server.api().get("/ok").send();
        }
    }

    static class AlwaysFailing {
        @LoadTest(users = 2, duration = "2s")
        void get() {
            server.api().get("/fail").send();
        }
    }

    static class EightSecondTimeout {
        @LoadTest(users = 2, duration = "2s")
        @Timeout(value = 8, unit = TimeUnit.SECONDS)
        void get() {
            server.api().get("/ok").send();
        }
    }
}
