package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Budgets over windows of the run, against a real server that stops serving for 5 s once, a few seconds into the run:
 * ten users reading once every 200 ms make the stall's slow requests about 1% of a 20 s run, so the whole run's p95
 * hides it, and most of a 5 s window's samples, so every window's p95 shows it; with {@code abortOnBreach} the run
 * stops soon after.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class WindowedBudgetTests {

    static final Duration STALL = Duration.ofSeconds(5);
    /** The iteration that stalls the server: about 4 s into the run at 50 iterations per second. */
    static final long STALL_AT = 200;

    static TestServer server;
    static final AtomicLong iterations = new AtomicLong();

    @TempDir
    Path reports;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void countFromZero() {
        iterations.set(0);
    }

    @Test
    void aWindowedP95CatchesAStallThatTheWholeRunsP95Hides() {
        String failure = Fixtures.failureMessage(Fixtures.run(StallInAShortRun.class, reports));

        JsonPath summary = Fixtures.summary(reports, StallInAShortRun.class, "read");
        assertThat(summary.getBoolean("budgets[0].passed")).as(summary.getString("budgets[0].message")).isTrue();
        assertThat(summary.getDouble("budgets[0].measured")).as("the whole run's p95, ms").isLessThan(1_000.0);
        assertThat(summary.getString("budgets[1].description"))
                .isEqualTo("p95 of GET /ok <= 1,000 ms in every 5s window");
        assertThat(summary.getBoolean("budgets[1].passed")).isFalse();
        assertThat(summary.getDouble("budgets[1].measured")).as("the worst window's p95, ms").isGreaterThan(3_000.0);
        assertThat(summary.getString("budgets[1].message"))
                .matches("p95 of GET /ok in the window [0-9.]+–[0-9.]+ s was [0-9,]+ ms, budget 1,000 ms \\(n=[0-9,]+\\)"
                        + " — the worst of [0-9]+ windows");
        assertThat(failure).contains("1 of 2 budgets broken").contains(summary.getString("budgets[1].message"));
        double[] span = windowSpan(summary.getString("budgets[1].message"));
        assertThat(span[1] - span[0]).as("the window's length, s").isBetween(4.5, 5.5);
    }

    @Test
    void aBrokenWindowStopsTheRunWhenItMayAbort() {
        String failure = Fixtures.failureMessage(Fixtures.run(StallInALongRun.class, reports));

        JsonPath summary = Fixtures.summary(reports, StallInALongRun.class, "read");
        assertThat(summary.getString("stoppedEarly")).startsWith("abortOnBreach: p95 of GET /ok in the window");
        assertThat(summary.getString("verdict")).isEqualTo("failed");
        double stalledUntil = STALL_AT / 50.0 + STALL.toSeconds(); // s into the run, about
        assertThat(summary.getDouble("run.elapsedMs")).as("a minute planned")
                .isLessThan(TimeUnit.SECONDS.toMillis(60) / 2.0)
                .isGreaterThan(STALL.toMillis());
        assertThat(windowSpan(summary.getString("stoppedEarly"))[1]).as("the broken window ends after the stall")
                .isGreaterThan(stalledUntil - 2);
        assertThat(failure).startsWith("Load test StallInALongRun.read stopped after ")
                .contains(" of 1m: abortOnBreach: p95 of GET /ok in the window ")
                .doesNotContain("Start the service");
    }

    @Test
    void aWindowLongerThanTheMeasuredRunJudgesItAsOne() {
        Fixtures.run(LongWindow.class, reports, Map.of("horde.duration", "3s"));

        JsonPath summary = Fixtures.summary(reports, LongWindow.class, "read");
        assertThat(summary.getString("budgets[0].message")).contains(
                "— the run measured less than one window of 1m, so it was judged as one");
        assertThat(summary.getBoolean("budgets[0].passed")).isTrue();
    }

    /** {@code [from, to]} in seconds of the run, read from {@code in the window 4–9 s}. */
    private static double[] windowSpan(String message) {
        String span = message.replaceFirst("(?s).* in the window ([0-9.]+)–([0-9.]+) s.*", "$1 $2");
        String[] bounds = span.split(" ");
        return new double[] {Double.parseDouble(bounds[0]), Double.parseDouble(bounds[1])};
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** One client per user thread, as a {@code UserEntity} holds one. */
    private static final ThreadLocal<HttpApi> CLIENTS = ThreadLocal.withInitial(() -> HttpApi.to(server.baseUri()));

    static void readStallingOnce() throws InterruptedException {
        if (iterations.incrementAndGet() == STALL_AT) {
            server.stall(STALL);
        }
        CLIENTS.get().get("/ok").send();
        Thread.sleep(200);
    }

    static class StallInAShortRun {
        @LoadTest(users = 10, duration = "20s")
        @LatencyBudget(metric = "GET /ok", p95 = "1s")
        @LatencyBudget(metric = "GET /ok", p95 = "1s", window = "5s")
        void read() throws InterruptedException {
            readStallingOnce();
        }
    }

    static class StallInALongRun {
        @LoadTest(users = 10, duration = "1m")
        @LatencyBudget(metric = "GET /ok", p95 = "1s", window = "5s", abortOnBreach = true)
        void read() throws InterruptedException {
            readStallingOnce();
        }
    }

    static class LongWindow {
        @LoadTest(users = 2, duration = "1m")
        @LatencyBudget(metric = "GET /ok", p95 = "1s", window = "1m")
        void read() throws InterruptedException {
            CLIENTS.get().get("/ok").send();
            Thread.sleep(100);
        }
    }
}
