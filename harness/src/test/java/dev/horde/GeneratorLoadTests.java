package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's own CPU, second by second: a run whose users keep every core busy is marked as measuring its own
 * queueing, with the share of the measured window that was saturated; an idle one is not.
 */
class GeneratorLoadTests {

    @TempDir
    Path reports;

    @Test
    void usersThatKeepEveryCoreBusyMarkTheRunAsSaturated() {
        Fixtures.assertPassed(Fixtures.run(Spinning.class, reports));

        JsonPath summary = Fixtures.summary(reports, Spinning.class, "spin");
        assertThat(summary.getDouble("run.generatorSaturatedShare")).isGreaterThanOrEqualTo(0.5);
        assertThat(summary.getBoolean("run.latencyIncludesGeneratorQueueing")).isTrue();
        List<Float> perSecond = summary.getList("timeSeries.findAll { it.measured }.generatorCpu", Float.class);
        assertThat(perSecond).isNotEmpty().anySatisfy(cpu -> assertThat(cpu).isGreaterThan(0.9f));
    }

    @Test
    void usersThatWaitLeaveItUnmarked() {
        Fixtures.assertPassed(Fixtures.run(Waiting.class, reports));

        JsonPath summary = Fixtures.summary(reports, Waiting.class, "sleep");
        assertThat(summary.getDouble("run.generatorSaturatedShare")).isLessThan(0.1);
        assertThat(summary.getBoolean("run.latencyIncludesGeneratorQueueing")).isFalse();
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class Spinning {
        @LoadTest(users = 16, duration = "4s")
        void spin() {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            long spins = 0;
            while (System.nanoTime() < until) {
                spins++;
            }
            assertThat(spins).isPositive();
        }
    }

    static class Waiting {
        @LoadTest(users = 2, duration = "3s")
        void sleep() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
