package dev.horde.internal.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.LoadTest;
import dev.horde.TargetMetric;
import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import dev.horde.testing.PrometheusProcess;
import dev.horde.testing.TestServer;
import dev.horde.user.User;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Target metrics against a real Prometheus server that scrapes a real target every second: budgets on the target's
 * own request rate pass and fail as it served; a server that is down, a query it refuses, a query without data and a
 * server that dies during the run each fail, naming the query.
 */
class TargetMetricTests {

    static volatile String target;
    /** Runs once, 1.5 s into a run of {@link Served}. */
    static volatile Runnable midRun = () -> { };
    static final java.util.concurrent.atomic.AtomicLong FIRST = new java.util.concurrent.atomic.AtomicLong();

    private static TestServer server;
    private static PrometheusProcess prometheus;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        target = server.baseUri();
        prometheus = PrometheusProcess.start(dir.resolve("prometheus"),
                List.of(server.baseUri().replace("http://", "")));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        server.close();
    }

    private static EngineExecutionResults run(Class<?> fixture, Path reports) {
        return Fixtures.run(fixture, reports,
                Map.of(LoadTest.PROMETHEUS_URL_PROPERTY_NAME, prometheus.url().toString()));
    }

    @Test
    void aBudgetOnTheTargetsOwnRequestRatePassesAsItServedAndIsReportedBesideHordesMetrics(@TempDir Path reports) {
        EngineExecutionResults results = run(Served.class, reports);

        Fixtures.assertPassed(results);
        JsonPath summary = Fixtures.summary(reports, Served.class, "get");
        assertThat(summary.getString("targetMetrics[0].name")).isEqualTo("served/s");
        assertThat(summary.getString("targetMetrics[0].query")).isEqualTo("sum(rate(test_requests_total[2s]))");
        assertThat(summary.getList("targetMetrics[0].series[0].points")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(summary.getString("budgets.find { it.quantity == 'targetMin' }.message"))
                .matches("served/s was [0-9.,]+ on average, min 20 \\(\\d+ steps of 1s from Prometheus\\)");
        assertThat(summary.getDouble("budgets.find { it.quantity == 'targetMin' }.measured")).isGreaterThan(20);
        assertThat(summary.getBoolean("budgets.find { it.quantity == 'targetMin' }.passed")).isTrue();
        String query = summary.getString("targetMetrics[1].query");
        assertThat(query).as("a class's target metric, $__range as the measured window")
                .matches("sum\\(increase\\(test_requests_total\\{path=\"/ok\"}\\[\\d+ms]\\)\\)");
        assertThat(Double.parseDouble(query.replaceAll(".*\\[(\\d+)ms].*", "$1")))
                .isCloseTo(summary.getDouble("run.measuredMs"), org.assertj.core.data.Offset.offset(1.0));
        assertThat(summary.getString("budgets.find { it.metric == 'served in the window' }.message"))
                .matches("served in the window was [0-9.,]+ at the end, min 100"
                        + " \\(\\d+ steps of 1s from Prometheus\\)");
    }

    @Test
    void aBudgetTheTargetsOwnMetricBreaksFailsTheTestSayingByHowMuch(@TempDir Path reports) {
        String message = Fixtures.failureMessage(run(Overloaded.class, reports));

        assertThat(message).contains("1 of 1 budget broken in Overloaded.get")
                .containsPattern("served/s was [0-9.,]+ at its highest, max 5 \\(\\d+ steps of 1s from Prometheus\\)");
    }

    @Test
    void aServerThatCannotBeReachedFailsBeforeAnyUserStarts(@TempDir Path reports) throws IOException {
        long before = server.requests("/ok");
        String closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }

        String message = Fixtures.failureMessage(Fixtures.run(Served.class, reports,
                Map.of(LoadTest.PROMETHEUS_URL_PROPERTY_NAME, closed)));

        assertThat(message).startsWith("Configuration error: @TargetMetric(name = \"served/s\") on method [get(Client)]"
                + " cannot be read: Prometheus at " + closed + "/ could not be reached (")
                .contains("; query: sum(rate(test_requests_total[2s])). Start Prometheus before the test");
        assertThat(server.requests("/ok")).as("no user started").isEqualTo(before);
    }

    @Test
    void aQueryPrometheusRefusesFailsBeforeAnyUserStartsWithPrometheusOwnMessage(@TempDir Path reports) {
        String message = Fixtures.failureMessage(run(BadQuery.class, reports));

        assertThat(message).startsWith("Configuration error: @TargetMetric(name = \"typo\") on method [get(Client)]"
                + " cannot be read: Prometheus refused the query: bad_data: ")
                .contains("parse error").contains("; query: rate(test_requests_total[2s]");
    }

    @Test
    void aQueryWithoutDataBreaksItsBudgetNamingTheQuery(@TempDir Path reports) {
        String message = Fixtures.failureMessage(run(NoData.class, reports));

        assertThat(message).contains("absent: no data from ")
                .contains(": is the target scraped, and does the query name its metrics?; query:"
                        + " sum(rate(no_such_metric_total[2s]))");
    }

    @Test
    void aServerThatDiesDuringTheRunBreaksTheBudgetSayingSo(@TempDir Path reports) throws IOException {
        PrometheusProcess dying = PrometheusProcess.start(reports.resolve("dying"),
                List.of(server.baseUri().replace("http://", "")));
        FIRST.set(0);
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        midRun = () -> {
            if (once.compareAndSet(false, true)) {
                dying.close();
            }
        };
        try {
            String message = Fixtures.failureMessage(Fixtures.run(Served.class, reports,
                    Map.of(LoadTest.PROMETHEUS_URL_PROPERTY_NAME, dying.url().toString())));

            assertThat(message).contains("served/s: Prometheus at " + dying.url() + "/ could not be reached (")
                    .contains("; query: sum(rate(test_requests_total[2s]))");
        } finally {
            midRun = () -> { };
            dying.close();
        }
    }

    /** A user that asks for {@code /ok} every 10 ms. */
    public static class Client implements User {
        final HttpApi api = HttpApi.to(target);
    }

    static void get(Client client) throws InterruptedException {
        client.api.get("/ok").send();
        Thread.sleep(10);
    }

    @TargetMetric(name = "served in the window", over = TargetMetric.Over.LAST, min = "100",
            query = "sum(increase(test_requests_total{path=\"/ok\"}[$__range]))")
    static class Served {
        @TargetMetric(name = "served/s", query = "sum(rate(test_requests_total[2s]))", min = "20",
                over = TargetMetric.Over.MEAN)
        @LoadTest(users = 2, duration = "3s")
        void get(Client client) throws InterruptedException {
            TargetMetricTests.get(client);
            FIRST.compareAndSet(0, System.nanoTime());
            if (System.nanoTime() - FIRST.get() > 1_500_000_000L) {
                midRun.run();
            }
        }
    }

    static class Overloaded {
        @TargetMetric(name = "served/s", query = "sum(rate(test_requests_total[2s]))", max = "5")
        @LoadTest(users = 2, duration = "3s")
        void get(Client client) throws InterruptedException {
            TargetMetricTests.get(client);
        }
    }

    static class BadQuery {
        @TargetMetric(name = "typo", query = "rate(test_requests_total[2s]", max = "5")
        @LoadTest(users = 1, duration = "1s")
        void get(Client client) throws InterruptedException {
            TargetMetricTests.get(client);
        }
    }

    static class NoData {
        @TargetMetric(name = "absent", query = "sum(rate(no_such_metric_total[2s]))", max = "5")
        @LoadTest(users = 1, duration = "1s")
        void get(Client client) throws InterruptedException {
            TargetMetricTests.get(client);
        }
    }
}
