package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalDocker;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;

/**
 * A container as the target, against the machine's Docker engine: its CPU and memory sampled from Docker's stats
 * into the summary, and a resource budget that breaks. Skipped where no Docker engine runs.
 */
class ContainerTargetTests {

    @TempDir
    Path reports;

    @BeforeEach
    void docker() {
        LocalDocker.assumeAvailable();
    }

    @AfterEach
    void stop() {
        if (Burner.container != null) {
            Burner.container.stop();
            Burner.container = null;
        }
    }

    @Test
    void aContainerThatBurnsCpuShowsItInTheSeries() {
        Burner.container = container("while :; do :; done");

        Fixtures.assertPassed(Fixtures.run(Burner.class, reports));

        JsonPath summary = Fixtures.summary(reports, Burner.class, "idle");
        assertThat(summary.getString("plan.target")).isEqualTo("http://127.0.0.1:1");
        assertThat(summary.getString("plan.containers[0].id")).isEqualTo(Burner.container.getContainerId());
        assertThat(summary.getString("plan.containers[0].image")).isEqualTo(LocalDocker.IMAGE);
        assertThat(summary.getString("targetMetrics.find { it.name == 'container cpu' }.source")).isEqualTo("Docker");
        List<Number> cores = summary.getList("targetMetrics.find { it.name == 'container cpu' }.series[0].points"
                + ".collect { it[1] }");
        assertThat(cores).as("one sample a second").hasSizeGreaterThanOrEqualTo(2);
        assertThat(cores.stream().mapToDouble(Number::doubleValue).max().orElseThrow())
                .as("a busy loop keeps about one core busy").isGreaterThan(0.5);
        List<Number> memory = summary.getList("targetMetrics.find { it.name == 'container memory' }.series[0].points"
                + ".collect { it[1] }");
        assertThat(memory).isNotEmpty().allSatisfy(bytes -> assertThat(bytes.doubleValue()).isPositive());
        List<Number> besideTheLatencies = summary.getList("timeSeries.findAll { it.target != null }"
                + ".collect { it.target['container memory'] }");
        assertThat(besideTheLatencies).as("in the per-second series").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aMemoryBudgetBreaksOnAContainerThatAllocates() {
        // a shell variable of 64 MiB, held by a shell that does not end (a last command would replace it)
        Burner.container = container("x=$(head -c 67108864 /dev/zero | tr '\\0' a); while :; do sleep 1; done");

        String message = Fixtures.failureMessage(Fixtures.run(Hungry.class, reports));

        assertThat(message).contains("container memory was ").contains("at its highest, max 32MB (")
                .contains("s from Docker)");
        JsonPath summary = Fixtures.summary(reports, Hungry.class, "idle");
        Map<String, Object> budget = summary.getMap("budgets.find { it.description == 'container memory <= 32MB' }");
        assertThat(budget).containsEntry("passed", false);
        assertThat(((Number) budget.get("measured")).doubleValue()).isGreaterThan(64 * 1024 * 1024);
    }

    @Test
    void aCpuQuotaShowsAsThrottlingAndItsBudgetBreaks() {
        Burner.container = new GenericContainer<>(LocalDocker.IMAGE).withNetworkMode("host")
                .withCommand("sh", "-c", "while :; do :; done")
                .withCreateContainerCmdModifier(create -> create.getHostConfig().withCpuPeriod(100_000L)
                        .withCpuQuota(20_000L)); // a fifth of a core
        Burner.container.start();

        String message = Fixtures.failureMessage(Fixtures.run(Throttled.class, reports));

        assertThat(message).contains("container cpu throttled was ").contains("at its highest, max 5% (");
        JsonPath summary = Fixtures.summary(reports, Throttled.class, "idle");
        List<Number> cores = summary.getList("targetMetrics.find { it.name == 'container cpu' }.series[0].points"
                + ".collect { it[1] }");
        assertThat(cores.stream().mapToDouble(Number::doubleValue).max().orElseThrow())
                .as("held to its quota").isLessThan(0.5);
    }

    @Test
    void aContainerOnTheHostsNetworkNeedsItsPortNamed() {
        Burner.container = container("while :; do sleep 1; done");

        assertThat(Fixtures.failureMessage(Fixtures.run(NoPort.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on method [NoPort.container] is a container that exposes no port and uses the host's"
                + " network: say which port to load with @LoadTarget(port = 8080).");
    }

    @Test
    void aPortTheContainerDoesNotExposeIsRefused() {
        Burner.container = container("while :; do sleep 1; done", "none");

        assertThat(Fixtures.failureMessage(Fixtures.run(Hungry.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on method [Hungry.container] names port [1] of a container that exposes no port: expose"
                + " it with withExposedPorts(1).");
    }

    private static GenericContainer<?> container(String script) {
        return container(script, "host");
    }

    private static GenericContainer<?> container(String script, String network) {
        GenericContainer<?> container = new GenericContainer<>(LocalDocker.IMAGE).withNetworkMode(network)
                .withCommand("sh", "-c", script);
        container.start();
        return container;
    }

    static class Burner {
        @LoadTarget(port = 1)
        static GenericContainer<?> container;

        @LoadTest(users = 1, duration = "4s")
        void idle() throws InterruptedException {
            Thread.sleep(100);
        }
    }

    static class Throttled {
        @LoadTarget(port = 1)
        static GenericContainer<?> container() {
            return Burner.container;
        }

        @TargetResourceBudget(throttled = "5%")
        @LoadTest(users = 1, duration = "4s")
        void idle() throws InterruptedException {
            Thread.sleep(100);
        }
    }

    static class NoPort {
        @LoadTarget
        static GenericContainer<?> container() {
            return Burner.container;
        }

        @LoadTest(users = 1, duration = "1s")
        void idle() {
        }
    }

    static class Hungry {
        @LoadTarget(port = 1)
        static GenericContainer<?> container() {
            return Burner.container;
        }

        @TargetResourceBudget(memory = "32MB")
        @LoadTest(users = 1, duration = "4s")
        void idle() throws InterruptedException {
            Thread.sleep(100);
        }
    }
}
