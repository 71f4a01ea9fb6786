package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cores, second by second: a run whose users keep every core busy is marked as measuring requests that wait for a
 * core, with the share of the measured window that was saturated; one whose users wait keeps this JVM far less busy.
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
        List<Float> perSecond = spinning.getList("timeSeries.findAll { it.measured }.machineCpu", Float.class);
        assertThat(perSecond).isNotEmpty().anySatisfy(cpu -> assertThat(cpu).isGreaterThan(0.9f));
        JsonPath waiting = Fixtures.summary(reports, Waiting.class, "sleep");
        // on a machine busy with other work, waiting users' seconds are saturated too: rightly, their latencies
        // include waiting for a core; what they never do is keep the cores busier than spinning users
        assertThat(waiting.getDouble("run.generatorSaturatedShare"))
                .isLessThanOrEqualTo(spinning.getDouble("run.generatorSaturatedShare"));
        assertThat(waiting.getDouble("run.generatorCpu")).as("this JVM's own share")
                .isLessThan(spinning.getDouble("run.generatorCpu"));
        List<Float> machine = waiting.getList("timeSeries.findAll { it.measured }.machineCpu", Float.class);
        assertThat(machine).as("the last, partial second has none").filteredOn(Objects::nonNull).isNotEmpty()
                .allSatisfy(cpu -> assertThat(cpu).isBetween(0f, 1f));
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
