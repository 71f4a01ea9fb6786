package dev.horde.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.ErrorBudget;
import dev.horde.LoadTest;
import dev.horde.store.Inbox;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestWebSocketServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** WebSocket measurements against a real server on loopback. */
class WebSocketTests {

    static TestWebSocketServer server;

    @TempDir
    Path reports;

    @BeforeAll
    static void startServer() throws InterruptedException {
        server = TestWebSocketServer.begin();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void connectsAndRoundTripsAreTimed() {
        Fixtures.run(Pinging.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Pinging.class, "ping");
        assertThat(summary.getInt("metrics['ws connect'].count")).isEqualTo(3);
        assertThat(summary.getString("metrics['ws connect'].kind")).isEqualTo("request");
        assertThat(summary.getInt("metrics['ws round trip'].count")).isEqualTo(15);
        assertThat(summary.getInt("metrics['ws round trip'].failed")).isZero();
        assertThat(summary.getMap("metrics")).doesNotContainKey("ws disconnect");
    }

    @Test
    void aDroppedConnectionIsCountedWithItsCloseCodeAndTheUserReconnects() {
        Fixtures.run(Dropped.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Dropped.class, "drop");
        assertThat(summary.getInt("metrics['ws disconnect'].failed")).isEqualTo(2);
        assertThat(summary.getInt("metrics['ws disconnect'].errors['ws closed 4000']")).isEqualTo(2);
        assertThat(summary.getInt("metrics['ws connect'].count")).as("first connect and a reconnect per user").isEqualTo(4);
        assertThat(summary.getInt("metrics['ws round trip'].failed")).isZero();
    }

    @Test
    void anEventThatNeverComesFailsTheIterationWithItsOwnCause() {
        EngineExecutionResults results = Fixtures.run(WaitsInVain.class, reports);

        assertThat(Fixtures.failureMessage(results))
                .contains("error rate of iteration was 100.0% (2 of 2), budget 0% — 2 × ws event not received in 'events'");
        JsonPath summary = Fixtures.summary(reports, WaitsInVain.class, "await");
        assertThat(summary.getInt("metrics['ws delivery'].errors[\"ws event not received in 'events'\"]")).isEqualTo(2);
        assertThat(summary.getDouble("metrics['ws delivery'].failedLatency.p50Ms")).as("a miss ends at its timeout, not a poll later")
                .isGreaterThanOrEqualTo(AWAIT_TIMEOUT.toMillis()).isLessThan(AWAIT_TIMEOUT.toMillis() * 1.25);
    }

    @Test
    void deliveriesAreTimedFromTheSenderToEveryReceiver() {
        Fixtures.run(Broadcasting.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Broadcasting.class, "broadcast");
        assertThat(summary.getInt("metrics['ws delivery'].count")).isBetween(6, 6 * 3);
        assertThat(summary.getInt("metrics['ws delivery'].failed")).isZero();
        assertThat(summary.getString("metrics['ws delivery'].kind")).isEqualTo("message");
    }

    @Test
    void aSocketOfANamedServiceCarriesItsNameWhetherItsUrlMatchesOrItIsNamed() {
        URI socket = URI.create(server.uri());
        System.setProperty("horde.target.chat", "http://" + socket.getHost() + ":" + socket.getPort());
        System.setProperty("horde.target.push", "http://127.0.0.1:1");
        try {
            Fixtures.run(TwoServices.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));
        } finally {
            System.clearProperty("horde.target.chat");
            System.clearProperty("horde.target.push");
        }

        JsonPath summary = Fixtures.summary(reports, TwoServices.class, "both");
        assertThat(summary.getInt("metrics['chat: ws connect'].count")).as("matched by its URL").isEqualTo(2);
        assertThat(summary.getInt("metrics['chat: ws delivery'].count")).isBetween(4, 4 * 2);
        assertThat(summary.getInt("metrics['push: ws connect'].count")).as("named by the user").isEqualTo(2);
        assertThat(summary.getInt("metrics['push: ws round trip'].count")).isEqualTo(4);
        assertThat(summary.getMap("metrics")).doesNotContainKeys("ws connect", "ws delivery", "ws round trip");
    }

    /** Long enough that backing-off polls would overshoot it by half (the next poll came 1.6 s after the start). */
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(1);

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A user with a WebSocket to the test server. */
    public static class Socketeer extends UserEntity {
        static final Inbox<String> EVENTS = Inbox.of("events", String.class);
        private int pings;

        @Override
        public void setUp() {
            connect(URI.create(server.uri()));
        }

        void ping() {
            int seq = ++pings;
            socket().orElseThrow().roundTrip("ping:" + seq, reply -> reply.equals("pong:" + seq));
        }

        void broadcastAndAwaitEcho() {
            String nonce = UUID.randomUUID().toString();
            deliverySent(nonce);
            socket().orElseThrow().send("broadcast:" + nonce);
            awaitEvent(EVENTS, event -> event.equals("event:" + nonce), Duration.ofSeconds(5));
        }

        void dropAndAwaitClose() {
            WebSocketSession session = socket().orElseThrow();
            session.send("drop-me");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !session.isOpen());
        }

        void awaitNothing() {
            awaitEvent(EVENTS, event -> event.equals("never"), AWAIT_TIMEOUT);
        }

        @Override
        protected void onMessage(String message) {
            if (message.startsWith("event:")) {
                deliveryArrived(message.substring(6));
            }
            state().add(EVENTS, message);
        }
    }

    /** A user of two services' sockets: one found by its URL, one named (the same server here). */
    public static class TwoSockets extends UserEntity {
        private final Socketeer chat = new Socketeer();
        private WebSocketSession push;
        private int pings;

        @Override
        public void setUp() {
            chat.setUp();
            push = WebSocketSession.open("push", URI.create(server.uri()), java.util.Map.of(), message -> { });
        }

        void both() {
            chat.broadcastAndAwaitEcho();
            int seq = ++pings;
            push.roundTrip("ping:" + seq, reply -> reply.equals("pong:" + seq));
        }

        @Override
        public void tearDown() {
            push.close();
            chat.close();
        }
    }

    static class TwoServices {
        @LoadTest(users = 2, duration = "10s", iterations = 2)
        @ErrorBudget(maxRate = 0)
        void both(TwoSockets user) {
            user.both();
        }
    }

    static class Pinging {
        @LoadTest(users = 3, duration = "10s", iterations = 5)
        @ErrorBudget(maxRate = 0)
        void ping(Socketeer user) {
            user.ping();
        }
    }

    static class Dropped {
        @LoadTest(users = 2, duration = "10s", iterations = 2)
        void drop(Socketeer user) {
            user.ping();
            if (user.pings == 1) {
                user.dropAndAwaitClose();
            }
        }
    }

    static class WaitsInVain {
        @LoadTest(users = 2, duration = "10s", iterations = 1)
        @ErrorBudget(metric = "iteration", maxRate = 0)
        void await(Socketeer user) {
            user.awaitNothing();
        }
    }

    static class Broadcasting {
        @LoadTest(users = 3, duration = "10s", iterations = 2)
        @ErrorBudget(maxRate = 0)
        void broadcast(Socketeer user) {
            user.broadcastAndAwaitEcho();
        }
    }
}
