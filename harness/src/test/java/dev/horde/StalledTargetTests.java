package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import dev.horde.testing.ServerProcess;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coordinated omission, shown with a real server process frozen for one second (SIGSTOP, then SIGCONT) in the middle
 * of a run: the open model keeps sending, so the stall reaches the percentiles; a closed model's users wait politely
 * and hide it.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class StalledTargetTests {

    static final Duration STALL = Duration.ofSeconds(1);
    static ServerProcess server;

    @TempDir
    Path reports;

    @BeforeAll
    static void startServer() throws Exception {
        server = ServerProcess.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aOneSecondStallShowsInTheOpenModelsP99() throws Exception {
        CompletableFuture<Void> stall = stallAfter(200); // a second into the run
        // the 200 iterations released at once after the stall may start a little late on a small machine: not the point
        Fixtures.run(OpenModel.class, reports, Map.of("horde.behind", "warn"));
        stall.get(30, TimeUnit.SECONDS);

        JsonPath summary = Fixtures.summary(reports, OpenModel.class, "open");
        assertThat(summary.getLong("metrics['GET /ok'].count")).isBetween(900L, 1_000L);
        assertThat(summary.getDouble("metrics['GET /ok'].p99Ms")).as("p99 with a 1 s stall").isGreaterThan(700.0);
        assertThat(summary.getDouble("metrics.iteration.p99Ms")).isGreaterThan(700.0);
    }

    @Test
    void theSameStallHidesBehindAClosedModelsWaitingUsers() throws Exception {
        CompletableFuture<Void> stall = stallAfter(200);
        Fixtures.run(ClosedModel.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));
        stall.get(30, TimeUnit.SECONDS);

        JsonPath summary = Fixtures.summary(reports, ClosedModel.class, "closed");
        assertThat(summary.getDouble("metrics['GET /ok'].maxMs")).as("the stalled requests").isGreaterThan(700.0);
        assertThat(summary.getDouble("metrics['GET /ok'].p99Ms")).as("p99 of a closed model, against the stall")
                .isLessThan(STALL.toMillis() / 2.0);
    }

    /** Stalls the server once it has answered {@code requests} more requests, so the stall falls inside the run. */
    private static CompletableFuture<Void> stallAfter(long requests) throws Exception {
        long before = server.requests("/ok");
        return CompletableFuture.runAsync(() -> {
            try {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                        .until(() -> server.requests("/ok") - before >= requests);
                server.stall(STALL);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** One client per user thread, as a {@code UserEntity} holds one. */
    private static final ThreadLocal<HttpApi> CLIENTS = ThreadLocal.withInitial(() -> HttpApi.to(server.baseUri()));

    static class OpenModel {
        @LoadTest(rate = "200/s", users = 400, duration = "5s")
        void open() {
            CLIENTS.get().get("/ok").send();
        }
    }

    static class ClosedModel {
        @LoadTest(users = 4, duration = "5s")
        void closed() {
            CLIENTS.get().get("/ok").send();
        }
    }
}
