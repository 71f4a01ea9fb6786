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
 * queueing, with the share of the measured window that was saturated; one whose users wait is not, or far less.
 */
class GeneratorLoadTests {

    @TempDir
    Path reports;

    @Test
    void usersThatKeepEveryCoreBusyMarkTheRunAsSaturatedAndWaitingOnesLessSo() {
        Fixtures.assertPassed(Fixtures.run(Spinning.class, reports));
        Fixtures.assertPassed(Fixtures.run(Waiting.class, reports));

        JsonPath spinning = Fixtures.summary(reports, Spinning.class, "spin");
        assertThat(spinning.getDouble("run.generatorSaturatedShare")).isGreaterThanOrEqualTo(0.5);
        assertThat(spinning.getBoolean("run.latencyIncludesGeneratorQueueing")).isTrue();
        List<Float> perSecond = spinning.getList("timeSeries.findAll { it.measured }.generatorCpu", Float.class);
        assertThat(perSecond).isNotEmpty().anySatisfy(cpu -> assertThat(cpu).isGreaterThan(0.9f));
        JsonPath waiting = Fixtures.summary(reports, Waiting.class, "sleep");
        assertThat(waiting.getDouble("run.generatorSaturatedShare")).as("seconds the JIT or GC may fill, not all")
                .isLessThan(spinning.getDouble("run.generatorSaturatedShare")).isLessThanOrEqualTo(0.5);
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
        @LoadTest(users = 2, duration = "4s")
        void sleep() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
