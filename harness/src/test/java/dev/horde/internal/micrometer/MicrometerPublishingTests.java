package dev.horde.internal.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.http.HttpApi;
import dev.horde.http.UnexpectedStatusException;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.User;
import dev.horde.user.UserEntity;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry in Micrometer's global registry receives every sample, failure and budget, as the JSON summary counts them. */
class MicrometerPublishingTests {

    static volatile String target;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TestServer server;

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
        target = server.baseUri();
        Metrics.addRegistry(registry);
    }

    @AfterEach
    void stop() {
        Metrics.removeRegistry(registry);
        server.close();
    }

    @Test
    void timersCountExactlyWhatTheSummaryCountsWithABucketAtTheBudgetsLimit() {
        Fixtures.assertPassed(Fixtures.run(Flaky.class, reports));

        JsonPath summary = Fixtures.summary(reports, Flaky.class, "get");
        Timer ok = registry.get(MeterPublisher.SAMPLE).tag("test", "Flaky.get").tag("metric", "GET /flaky")
                .tag("kind", "request").tag("outcome", "ok").timer();
        Timer failed = registry.get(MeterPublisher.SAMPLE).tag("test", "Flaky.get").tag("metric", "GET /flaky")
                .tag("outcome", "failed").timer();
        assertThat(ok.count()).isEqualTo(summary.getLong("metrics['GET /flaky'].ok")).isPositive();
        assertThat(failed.count()).isEqualTo(summary.getLong("metrics['GET /flaky'].failed")).isPositive();
        assertThat(registry.get(MeterPublisher.SAMPLE).tag("test", "Flaky.get").tag("metric", "iteration")
                .tag("outcome", "ok").timer().count())
                .isEqualTo(summary.getLong("metrics.iteration.ok"));
        assertThat(Arrays.stream(ok.takeSnapshot().histogramCounts()).mapToDouble(bucket -> bucket.bucket(TimeUnit.MILLISECONDS)))
                .as("a bucket at the budget's limit").contains(250.0);
        assertThat(registry.get(MeterPublisher.FAILURES).tag("metric", "GET /flaky").tag("cause", "HTTP 500").counter()
                .count()).isEqualTo(summary.getDouble("metrics['GET /flaky'].errors['HTTP 500']"));
    }

    @Test
    void scheduledIterationsLateOrDroppedAreCountedAsTheSummaryCountsThem() {
        Fixtures.run(TooFewUsers.class, reports);

        JsonPath summary = Fixtures.summary(reports, TooFewUsers.class, "get");
        assertThat(summary.getLong("run.schedule.dropped") + summary.getLong("run.schedule.late")).as("behind").isPositive();
        for (String counted : new String[] {"due", "late", "dropped"}) {
            assertThat(registry.get("horde.iterations." + counted).tag("test", "TooFewUsers.get").counter().count())
                    .as(counted).isEqualTo(summary.getDouble("run.schedule." + counted));
        }
    }

    @Test
    void eachBudgetIsPublishedWithItsValueItsLimitAndWhetherItHolds() {
        Fixtures.assertPassed(Fixtures.run(Flaky.class, reports));

        String budget = "p95 of GET /flaky <= 250 ms";
        assertThat(registry.get(MeterPublisher.BUDGET_LIMIT).tag("budget", budget).gauge().value()).isEqualTo(250.0);
        assertThat(registry.get(MeterPublisher.BUDGET_HOLDS).tag("budget", budget).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(MeterPublisher.BUDGET_VALUE).tag("budget", budget).gauge().value()).isBetween(0.0, 250.0);
        assertThat(registry.get(MeterPublisher.USERS_PLANNED).tag("test", "Flaky.get").gauge().value()).isEqualTo(2.0);
    }

    @Test
    void aTestThatRunsAgainUpdatesItsGaugesWhichOutliveTheRun() {
        Fixtures.assertPassed(Fixtures.run(Flaky.class, reports));
        Fixtures.assertPassed(Fixtures.run(Flaky.class, reports, Map.of(LoadTest.USERS_PROPERTY_NAME, "3")));
        System.gc();

        assertThat(registry.get(MeterPublisher.USERS_PLANNED).tag("test", "Flaky.get").gauge().value())
                .as("the second run's users, after a collection").isEqualTo(3.0);
        assertThat(registry.get(MeterPublisher.BUDGET_HOLDS).tag("budget", "p95 of GET /flaky <= 250 ms").gauge()
                .value()).isEqualTo(1.0);
    }

    @Test
    void withoutARegistryNothingIsPublished() {
        Metrics.removeRegistry(registry);

        assertThat(Micrometer.publisherOf(dev.horde.internal.plan.LoadPlan.builder("A.b").build()))
                .isSameAs(dev.horde.internal.engine.RunObserver.NONE);
    }

    @Test
    void prometheusScrapesTheMetersWhileTheTestRuns() throws Exception {
        int port = freePort();
        Path output = reports.resolve("child.txt");

        Process child = ChildJvm.start(ScrapedMidRun.class, reports, output, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                server.baseUri(), LoadTest.PROMETHEUS_PROPERTY_NAME, "127.0.0.1:" + port));

        assertThat(ChildJvm.endsWithin(child, 60)).isTrue();
        String printed = Files.readString(output);
        assertThat(printed).contains("[horde] Prometheus metrics at http://127.0.0.1:" + port + "/metrics")
                .contains("ScrapedMidRun.get - 2 users, 3s").contains("PASSED");
        String scrape = printed.substring(printed.indexOf(SCRAPE_BEGIN), printed.indexOf(SCRAPE_END));
        assertThat(scrape).as("scraped while the test ran")
                .containsPattern("horde_sample_seconds_count\\{[^}]*metric=\"GET /flaky\"[^}]*outcome=\"ok\"[^}]*} [1-9]")
                .containsPattern("horde_sample_seconds_bucket\\{[^}]*metric=\"GET /flaky\"[^}]*le=\"0\\.25\"} [1-9]")
                .containsPattern("horde_budget_holds\\{[^}]*budget=\"p95 of GET /flaky <= 250 ms\"")
                .contains("horde_users_active{");
    }

    @Test
    void aPortInUseFailsBeforeAnyUserStartsNamingTheParameter() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String setting = "127.0.0.1:" + taken.getLocalPort();

            String message = Fixtures.failureMessage(Fixtures.run(Flaky.class, reports,
                    Map.of(LoadTest.PROMETHEUS_PROPERTY_NAME, setting)));

            assertThat(message).startsWith("Configuration error: configuration parameter 'horde.prometheus' [" + setting
                    + "] cannot be served: " + setting + " cannot be bound (").endsWith("); choose a free port, or 0"
                    + " for any free one.");
            assertThat(server.requests("/flaky")).as("no user started").isZero();
        }
    }

    @Test
    void aBuildWithoutMicrometerRunsLoadTestsAsBefore() throws Exception {
        Path output = reports.resolve("child.txt");

        Process child = ChildJvm.start(WithoutMicrometer.class, reports, output,
                Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri()),
                entry -> !entry.contains("micrometer") && !entry.contains("prometheus"));

        assertThat(ChildJvm.endsWithin(child, 60)).isTrue();
        assertThat(Files.readString(output)).contains("WithoutMicrometer.get - 2 users, 1s").contains("PASSED")
                .doesNotContain("NoClassDefFoundError");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static final String SCRAPE_BEGIN = "--- scrape ---";
    static final String SCRAPE_END = "--- end of scrape ---";

    /** Runs in a JVM of its own, which serves Prometheus; one user scrapes it in the middle of the run. */
    static class ScrapedMidRun {
        static final AtomicBoolean SCRAPED = new AtomicBoolean();
        static final AtomicLong FIRST = new AtomicLong();

        public static class Client extends UserEntity {
            void get() {
                try {
                    api().get("/flaky").send();
                } catch (UnexpectedStatusException expected) {
                    // every tenth answers 500
                }
            }
        }

        @LatencyBudget(metric = "GET /flaky", p95 = "250ms")
        @ErrorBudget(maxRate = 0.5)
        @LoadTest(users = 2, duration = "3s")
        void get(Client client) throws Exception {
            client.get();
            FIRST.compareAndSet(0, System.nanoTime());
            if (System.nanoTime() - FIRST.get() > TimeUnit.MILLISECONDS.toNanos(2_000) // two intervals in
                    && SCRAPED.compareAndSet(false, true)) {
                HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(Micrometer.prometheusEndpoint().orElseThrow()).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println(SCRAPE_BEGIN + "\n" + scrape.body() + "\n" + SCRAPE_END);
            }
            Thread.sleep(5);
        }
    }

    static class WithoutMicrometer {
        @ErrorBudget(maxRate = 0.5)
        @LoadTest(users = 2, duration = "1s")
        void get(ScrapedMidRun.Client client) {
            client.get();
        }
    }

    static class TooFewUsers {
        @LoadTest(users = 1, rate = "40/s", duration = "1s")
        void get() throws InterruptedException {
            Thread.sleep(100);
        }
    }

    static class Flaky {
        public static class Client implements User {
            final HttpApi api = HttpApi.to(target);
        }

        @LatencyBudget(metric = "GET /flaky", p95 = "250ms")
        @ErrorBudget(maxRate = 0.5)
        @LoadTest(users = 2, duration = "2s")
        void get(Client client) throws InterruptedException {
            try {
                client.api.get("/flaky").send();
            } catch (UnexpectedStatusException expected) {
                // every tenth answers 500: a failed sample
            }
            Thread.sleep(5);
        }
    }
}
