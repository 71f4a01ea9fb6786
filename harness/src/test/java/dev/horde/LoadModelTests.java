package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Open model, pacing and stages, against a real HTTP server on loopback. */
class LoadModelTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @Test
    void anOpenModelStartsEveryIterationItsRateCallsFor() {
        Fixtures.run(Steady.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Steady.class, "steady");
        assertThat(summary.getString("plan.model")).isEqualTo("open");
        assertThat(summary.getLong("run.schedule.due")).isEqualTo(600);
        assertThat(summary.getLong("run.schedule.started") + summary.getLong("run.schedule.dropped")).isEqualTo(600);
        assertThat(summary.getLong("run.schedule.started")).isGreaterThan(590);
        assertThat(summary.getLong("metrics.iteration.count")).isEqualTo(summary.getLong("run.schedule.started"));
        assertThat(summary.getLong("metrics['GET /ok'].count")).isEqualTo(summary.getLong("metrics.iteration.count"));
        assertThat(summary.getLong("metrics['iteration service'].count")).isEqualTo(summary.getLong("metrics.iteration.count"));
        assertThat(summary.getBoolean("run.schedule.behind")).isFalse();
    }

    @Test
    void aPoolTooSmallForTheRateFailsAsBehindAndTimesIterationsFromTheirIntendedStart() {
        EngineExecutionResults results = Fixtures.run(Overloaded.class, reports, Map.of("horde.inconclusive", "fail"));

        assertThat(Fixtures.failureMessage(results)).startsWith("1 implicit check broken in Overloaded.overloaded"
                        + " (40/s, pool of 1 user, 2s):\n  schedule: ")
                .containsPattern("iterations \\([\\d.]+%\\) started late \\(> 25 ms, the latest [\\d.,]+ (ms|s)\\)")
                .containsPattern("allowed 1.0% — the pool of 1 user could not keep the rate: at 40/s and a mean iteration"
                        + " of [\\d.,]+ ms, [\\d.,]+ users are busy on average; set users to at least \\d+, or find what"
                        + " slows iterations down \\(implicit\\)");
        JsonPath summary = Fixtures.summary(reports, Overloaded.class, "overloaded");
        double corrected = summary.getDouble("metrics.iteration.p50Ms");
        double service = summary.getDouble("metrics['iteration service'].p50Ms");
        assertThat(service).isGreaterThanOrEqualTo(100.0);
        assertThat(corrected).as("queueing behind a busy pool counts").isGreaterThan(3 * service);
    }

    @Test
    void aRunBehindItsScheduleOnlyWarnsWhenToldTo() {
        EngineExecutionResults results = Fixtures.run(Overloaded.class, reports, Map.of("horde.behind", "warn"));

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Fixtures.summary(reports, Overloaded.class, "overloaded").getBoolean("run.schedule.behind")).isTrue();
    }

    @Test
    void pacedUsersStartAnIterationEveryInterval() {
        Fixtures.run(Paced.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Paced.class, "paced");
        assertThat(summary.getLong("metrics.iteration.count")).isEqualTo(16); // 2 users × 2 s / 250 ms
        assertThat(summary.getLong("run.schedule.due")).isEqualTo(16);
        assertThat(summary.getBoolean("run.schedule.behind")).isFalse();
    }

    @Test
    void intervalsAPacedUserOverranAreDropped() {
        EngineExecutionResults results = Fixtures.run(Overrun.class, reports, Map.of("horde.inconclusive", "fail"));

        assertThat(Fixtures.failureMessage(results))
                .contains("— iterations took longer than the pacing of 100 ms");
        JsonPath summary = Fixtures.summary(reports, Overrun.class, "overrun");
        long iterations = summary.getLong("metrics.iteration.count");
        assertThat(iterations).isBetween(4L, 9L);
        assertThat(summary.getLong("run.schedule.dropped")).isBetween(20 - iterations - 3, 20 - iterations);
    }

    @Test
    void stagesBringUsersInAndTakeThemOut() {
        Fixtures.run(Staged.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Staged.class, "staged");
        assertThat(summary.getInt("plan.users")).isEqualTo(3);
        assertThat(summary.getString("plan.duration")).isEqualTo("3s");
        assertThat(summary.getList("plan.stages.users", Float.class)).containsExactly(3f, 3f, 1f, 1f);
        assertThat(summary.getInt("run.usersStarted")).isEqualTo(3);
        List<Integer> active = summary.getList("timeSeries.activeUsers", Integer.class);
        assertThat(active.get(0)).isEqualTo(3);
        // which second's point falls after the step at 1.5 s depends on timing: one of them shows the one user left
        assertThat(active.subList(1, active.size())).as("after the step down").contains(1).allMatch(users -> users <= 3);
        assertThat(summary.getMap("run")).doesNotContainKey("schedule");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class Steady {
        @LoadTest(rate = "200/s", users = 20, duration = "3s")
        void steady() {
            server.api().get("/ok").send();
        }
    }

    static class Overloaded {
        @LoadTest(rate = "40/s", users = 1, duration = "2s")
        void overloaded() {
            server.api().get("/sleep").query("ms", 100).send();
        }
    }

    static class Paced {
        @LoadTest(users = 2, pacing = "250ms", duration = "2s")
        void paced() {
            server.api().get("/ok").send();
        }
    }

    static class Overrun {
        @LoadTest(users = 1, pacing = "100ms", duration = "2s")
        void overrun() {
            server.api().get("/sleep").query("ms", 250).send();
        }
    }

    static class Staged {
        @LoadTest
        @Stage(duration = "0s", users = 3)
        @Stage(duration = "1500ms", users = 3)
        @Stage(duration = "0s", users = 1)
        @Stage(duration = "1500ms", users = 1)
        void staged() {
            server.api().get("/sleep").query("ms", 20).send();
        }
    }
}
