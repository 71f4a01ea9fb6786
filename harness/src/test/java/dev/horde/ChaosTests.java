package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import dev.horde.testing.NoLeaks;
import dev.horde.testing.TestWebSocketServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Client-side chaos against real servers: delays stay out of request latencies, aborted and malformed copies reach
 * the target and are counted apart from the user's own requests, a target that accepts garbage breaks a budget on
 * malformed payloads, and WebSocket connections dropped by chaos are not the target's drops.
 */
@ExtendWith(NoLeaks.class)
class ChaosTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    static TestWebSocketServer sockets;

    @TempDir
    Path reports;

    @BeforeAll
    static void startWebSockets() throws InterruptedException {
        sockets = TestWebSocketServer.begin();
    }

    @AfterAll
    static void stopWebSockets() {
        sockets.close();
    }

    @Test
    void aDelayComesBeforeTheRequestAndStaysOutOfItsLatency() {
        Fixtures.run(Delayed.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Delayed.class, "get");
        assertThat(summary.getInt("metrics['chaos delay'].ok")).isEqualTo(10);
        assertThat(summary.getString("metrics['chaos delay'].kind")).isEqualTo("chaos");
        double delay = summary.getDouble("metrics['chaos delay'].p50Ms");
        assertThat(delay).isGreaterThanOrEqualTo(200.0);
        assertThat(summary.getDouble("metrics['GET /ok'].p50Ms")).as("the delay is not in it").isLessThan(delay);
        assertThat(summary.getDouble("metrics.iteration.p50Ms")).isGreaterThanOrEqualTo(200.0);
        assertThat(summary.getString("plan.chaos.delayMin")).isEqualTo("200ms");
    }

    @Test
    void abortedCopiesReachTheTargetAndAreCountedApartFromTheUsersRequests() {
        Fixtures.run(Aborting.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Aborting.class, "get");
        assertThat(summary.getInt("metrics['chaos aborted request'].sent")).isEqualTo(20);
        assertThat(summary.getInt("metrics['chaos aborted request'].ok")).as("abandoned before any answer").isEqualTo(20);
        assertThat(summary.getInt("metrics['GET /ok'].ok")).isEqualTo(20);
        assertThat(summary.getInt("metrics['*'].sent")).as("chaos stays out of all requests").isEqualTo(20);
        assertThat(server.requests("chaos abort")).as("the target read every aborted copy").isEqualTo(20);
    }

    @Test
    void malformedPayloadsThatTheTargetRejectsAreSuccesses() {
        Fixtures.run(Malformed.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Malformed.class, "post");
        assertThat(summary.getInt("metrics['chaos malformed payload'].ok")).isEqualTo(10);
        assertThat(summary.getInt("metrics['POST /json'].ok")).as("the user's own, well-formed, requests").isEqualTo(10);
        assertThat(server.requests("chaos malformed")).isEqualTo(10);
    }

    @Test
    void aTargetThatAcceptsMalformedPayloadsBreaksTheBudgetOnThem() {
        EngineExecutionResults results = Fixtures.run(AcceptsAnything.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith("1 of 1 budget broken in AcceptsAnything.post (2 users,"
                + " 30s, 5 iterations per user, chaos: malformed 100%):\n  error rate of chaos malformed payload was"
                + " 100.0% (10 of 10), budget 0% — 10 × accepted (HTTP 200)");
    }

    @Test
    void webSocketsDroppedByChaosAreNotTheTargetsDrops() {
        NoLeaks.watch(sockets.getPort());

        Fixtures.run(Dropping.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Dropping.class, "ping");
        assertThat(summary.getInt("metrics['chaos dropped websocket'].ok")).isGreaterThanOrEqualTo(2);
        Map<String, Object> metrics = summary.getMap("metrics");
        assertThat(metrics).doesNotContainKey("ws disconnect");
        assertThat(summary.getInt("metrics['ws round trip'].failed")).isZero();
        assertThat(summary.getInt("metrics['ws connect'].ok")).as("a reconnect after each drop")
                .isEqualTo(2 + summary.getInt("metrics['chaos dropped websocket'].ok"));
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class Delayed {
        @LoadTest(users = 2, iterations = 5, duration = "30s")
        @Chaos(delay = "200ms..250ms") // well above a cold request's latency, so that it shows where it went
        void get() {
            server.api().get("/ok").send();
        }
    }

    static class Aborting {
        @LoadTest(users = 2, iterations = 10, duration = "30s")
        @Chaos(abort = 1)
        void get() {
            server.api().get("/ok").send();
        }
    }

    static class Malformed {
        @LoadTest(users = 2, iterations = 5, duration = "30s")
        @Chaos(malformed = 1)
        @ErrorBudget(metric = MetricNames.CHAOS_MALFORMED, maxRate = 0)
        void post() {
            server.api().post("/json").json(Map.of("title", "hello", "body", "a well-formed post")).expect(201).send();
        }
    }

    static class AcceptsAnything {
        @LoadTest(users = 2, iterations = 5, duration = "30s")
        @Chaos(malformed = 1)
        @ErrorBudget(metric = MetricNames.CHAOS_MALFORMED, maxRate = 0)
        void post() {
            server.api().post("/ok").json(Map.of("title", "hello")).send();
        }
    }

    /** A user with a WebSocket to the test server. */
    public static class Pinger extends UserEntity {
        private int pings;

        @Override
        public void setUp() {
            connect(URI.create(sockets.uri()));
        }

        void ping() {
            int seq = ++pings;
            socket().orElseThrow().roundTrip("ping:" + seq, reply -> reply.equals("pong:" + seq));
        }
    }

    static class Dropping {
        @LoadTest(users = 2, duration = "2500ms", pacing = "50ms")
        @Chaos(dropWebSockets = 1)
        void ping(Pinger user) {
            user.ping();
        }
    }
}
