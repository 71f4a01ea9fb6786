package dev.horde.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.LoadTest;
import dev.horde.testing.Fixtures;
import dev.horde.testing.NoLeaks;
import dev.horde.testing.TestWebSocketServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A WebSocket server that drops connections without a close frame, or never sends the awaited reply: every round
 * trip and connect ends as one success or failure with its cause, users reconnect, and nothing is left open.
 */
@ExtendWith(NoLeaks.class)
class WebSocketFaultTests {

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
    void connectionsDroppedWithoutACloseFrameAreCountedAndUsersReconnect() {
        NoLeaks.watch(server.getPort());

        Fixtures.run(Aborted.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = accounted(Aborted.class, "abort");
        assertThat(summary.getInt("metrics['ws disconnect'].errors['ws closed 1006']")).as(summary.prettify())
                .isEqualTo(6);
        assertThat(summary.getInt("metrics['ws connect'].ok")).as("a first connect and two reconnects each").isEqualTo(6);
        assertThat(summary.getInt("metrics['ws round trip'].ok")).isEqualTo(6);
    }

    @Test
    void aDropWhileAReplyIsAwaitedFailsTheRoundTripAtOnce() {
        NoLeaks.watch(server.getPort());

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(DroppedWhileWaiting.class, reports);

        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start))
                .as("not the 30 s request timeout").isLessThan(10);
        assertThat(Fixtures.failureMessage(results)).startsWith("iterations failed: 4 of 4 iterations: ws closed 1006\n");
        JsonPath summary = accounted(DroppedWhileWaiting.class, "abort");
        assertThat(summary.getInt("metrics['ws round trip'].errors['ws closed 1006']")).isEqualTo(4);
    }

    @Test
    void aReplyThatNeverComesFailsAsNotReceivedAtTheTimeout() {
        NoLeaks.watch(server.getPort());

        EngineExecutionResults results = Fixtures.run(Unanswered.class, reports, Map.of("horde.request.timeout", "300ms"));

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "iterations failed: 4 of 4 iterations: " + EventNotReceivedException.CAUSE + "\n");
        JsonPath summary = accounted(Unanswered.class, "silence");
        assertThat(summary.getInt("metrics['ws round trip'].errors['" + EventNotReceivedException.CAUSE + "']"))
                .isEqualTo(4);
        assertThat(summary.getDouble("metrics['ws round trip'].failedLatency.p50Ms")).isBetween(300.0, 2_000.0);
    }

    @Test
    void aDropTheJdkClientMissesIsFoundAtTheNextFailedSendAndTheUserReconnects() {
        NoLeaks.watch(server.getPort());

        Fixtures.run(LostWhileHandling.class, reports, Map.of("horde.request.timeout", "500ms"));

        JsonPath summary = accounted(LostWhileHandling.class, "talk");
        assertThat(summary.getInt("metrics['ws disconnect'].errors['ws closed 1006']")).isEqualTo(1);
        assertThat(summary.getInt("metrics['ws connect'].ok")).as("the first connect and one reconnect").isEqualTo(2);
        assertThat(summary.getInt("metrics.iteration.ok")).as("the iterations after the reconnect").isPositive();
    }

    private JsonPath accounted(Class<?> fixture, String method) {
        return Fixtures.accountedFor(Fixtures.summary(reports, fixture, method));
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A user with a WebSocket to the test server. */
    public static class Socketeer extends UserEntity {
        private int pings;

        @Override
        public void setUp() {
            connect(URI.create(server.uri()));
        }

        void ping() {
            int seq = ++pings;
            socket().orElseThrow().roundTrip("ping:" + seq, reply -> reply.equals("pong:" + seq));
        }

        void ask(String message) {
            socket().orElseThrow().roundTrip(message, reply -> true);
        }

        void abortAndAwaitTheEnd() {
            WebSocketSession session = socket().orElseThrow();
            session.send("abort-soon"); // once the pong is handled: see TestWebSocketServer
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !session.isOpen());
        }
    }

    static class Aborted {
        @LoadTest(users = 2, iterations = 3, duration = "30s")
        void abort(Socketeer user) {
            user.ping(); // reconnects first when the last iteration's connection was dropped
            user.abortAndAwaitTheEnd();
        }
    }

    /** Still handling {@code bye} when the server's close arrives: the JDK's client then never reports the close. */
    public static class SlowReader extends Socketeer {
        private volatile boolean byeHandled;
        private volatile int closedBefore = -1;

        @Override
        protected void onMessage(String message) {
            if (message.equals("bye")) {
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> server.closedConnections() > closedBefore);
                // leave the JDK's selector thread time to read the end of the stream while this listener is busy
                Awaitility.await().pollDelay(Duration.ofMillis(200)).until(() -> true);
                byeHandled = true;
            }
        }

        void sayByeOnce() {
            if (closedBefore < 0) {
                closedBefore = server.closedConnections();
                socket().orElseThrow().send("say-bye-and-abort-soon");
                Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> byeHandled);
            }
        }
    }

    static class LostWhileHandling {
        @LoadTest(users = 1, iterations = 6, duration = "30s")
        void talk(SlowReader user) {
            user.sayByeOnce();
            user.ping();
        }
    }

    static class DroppedWhileWaiting {
        @LoadTest(users = 2, iterations = 2, duration = "30s")
        void abort(Socketeer user) {
            user.ask("abort-me");
        }
    }

    static class Unanswered {
        @LoadTest(users = 2, iterations = 2, duration = "30s")
        void silence(Socketeer user) {
            user.ask("silence");
        }
    }
}
