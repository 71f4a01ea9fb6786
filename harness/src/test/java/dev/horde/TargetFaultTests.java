package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.FaultServer;
import dev.horde.testing.FaultTarget;
import dev.horde.testing.Fixtures;
import dev.horde.testing.NoLeaks;
import dev.horde.user.User;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Load tests against targets that misbehave, on real sockets on loopback: nothing listening, a server that never
 * answers or answers too late, one that resets or closes connections mid-response, one that closes keep-alive
 * connections at random, a storm of server errors, and bytes that are not HTTP. Each run ends on time, counts every
 * request it sent as exactly one success or failure with its cause ({@code sent == ok + failed} for every metric of
 * the JSON summary), says plainly what the target did, and leaves no thread or socket behind ({@link NoLeaks}).
 * WebSocket faults are in {@code WebSocketFaultTests}.
 */
@ExtendWith(NoLeaks.class)
class TargetFaultTests {

    /** The target of the fixture being run. */
    static volatile String target;

    @RegisterExtension
    final FaultTarget faults = new FaultTarget();

    @TempDir
    Path reports;

    private FaultServer server;

    @Test
    void nothingListeningIsTargetUnreachable() throws IOException {
        int port = FaultServer.closedPort();
        target = "http://127.0.0.1:" + port;

        EngineExecutionResults results = Fixtures.run(ThousandTwoHundred.class, reports,
                Map.of(LoadTest.UNREACHABLE_PROPERTY_NAME, "off"));

        assertThat(Fixtures.failureMessage(results)).startsWith("target unreachable: 1,200 of 1,200 requests:"
                + " connection refused (127.0.0.1:" + port + ")\n1 implicit check broken in ThousandTwoHundred.get (4 users,"
                + " 30s, 300 iterations per user):\n  no request succeeded (0 of 1,200), no iteration succeeded (0 of"
                + " 1,200); with no @ErrorBudget a run fails when nothing succeeds (implicit)\nFirst errors:\n");
        assertThat(summary(ThousandTwoHundred.class).getMap("metrics.iteration.errors"))
                .containsOnlyKeys("connection refused (127.0.0.1:" + port + ")");
        JsonPath summary = accounted(ThousandTwoHundred.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].sent")).isEqualTo(1_200);
        assertThat(summary.getInt("metrics['GET /fault'].failed")).isEqualTo(1_200);
    }

    @Test
    void aTargetThatRefusesEveryConnectionStopsTheRunAndSaysHowToPointTheTestAtTheService() throws IOException {
        int port = FaultServer.closedPort();
        target = "http://127.0.0.1:" + port;

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(UnreachableForAMinute.class, reports,
                Map.of(LoadTest.TARGET_PROPERTY_NAME, target));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        String message = Fixtures.failureMessage(results);
        assertThat(message).matches("(?s)Load test UnreachableForAMinute.get stopped after [34]s of 1m: the target was"
                + " unreachable: all [\\d,]+ requests of the first 3s failed — [\\d,]+ × connection refused \\(127.0.0.1:"
                + port + "\\)\\.\n.*");
        assertThat(message).contains("\nThe target is " + target + ". Start the service before the test, or point the"
                + " test at it with -Dhorde.target=http://host:port (also read from junit-platform.properties), or"
                + " RestAssured.baseURI and port; -Dhorde.unreachable.stopAfter=off runs the whole duration anyway.\n"
                + "target unreachable: ");
        assertThat(took).as("a minute's run stopped in its first seconds").isLessThan(Duration.ofSeconds(30));
        JsonPath summary = accounted(UnreachableForAMinute.class, "get");
        assertThat(summary.getString("stoppedEarly")).startsWith("the target was unreachable: all ");
        assertThat(summary.getString("verdict")).isEqualTo("failed");
    }

    @Test
    void aTargetThatAnswersSomeRequestsIsNotStoppedAsUnreachable() throws IOException {
        serve(FaultServer::ok);
        SometimesUnreachable.closed = "http://127.0.0.1:" + FaultServer.closedPort();

        EngineExecutionResults results = Fixtures.run(SometimesUnreachable.class, reports,
                Map.of(LoadTest.UNREACHABLE_PROPERTY_NAME, "1s"));

        Fixtures.assertPassed(results);
        assertThat(accounted(SometimesUnreachable.class, "get").getString("stoppedEarly")).isNull();
    }

    @Test
    void aServerThatNeverAnswersTimesOutAtTheDeadline() throws IOException {
        serve(FaultServer.hang());

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(EightRequests.class, reports,
                Map.of("horde.request.timeout", "300ms"));

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target not answering in time: 8 of 8 requests: timeout (" + server.authority() + ")\n");
        JsonPath summary = accounted(EightRequests.class, "get");
        assertThat(summary.getDouble("metrics['GET /fault'].failedLatency.p50Ms")).isBetween(300.0, 2_000.0);
        assertThat(server.requests()).isEqualTo(8);
        assertThat(secondsSince(start)).isLessThan(10);
    }

    @Test
    void requestsHangingPastTheEndAreCutOffAndTheRunEndsOnTime() throws IOException {
        serve(FaultServer.hang());

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(OneSecond.class, reports, Map.of("horde.grace", "300ms"));

        // duration 1 s + grace 0.3 s + at most 1 s for interrupted users to end, and the JVM's own pace
        assertThat(secondsSince(start)).isLessThan(5);
        assertThat(Fixtures.failureMessage(results)).startsWith("requests outlasted the run: 4 of 4 requests: "
                + FailureCause.CUT_OFF + "\n");
        JsonPath summary = accounted(OneSecond.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].sent")).isEqualTo(4);
        assertThat(summary.getMap("metrics.iteration.errors")).containsOnlyKeys(FailureCause.CUT_OFF);
    }

    @Test
    void restAssuredRequestsHangingPastTheEndAreCutOffToo() throws IOException {
        serve(FaultServer.hang());

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(OneSecondOfRestAssured.class, reports,
                Map.of("horde.grace", "300ms"));

        assertThat(secondsSince(start)).as("not the 30 s socket timeout; the first REST Assured call loads Groovy")
                .isLessThan(20);
        assertThat(Fixtures.failureMessage(results)).startsWith("requests outlasted the run: 4 of 4 requests: "
                + FailureCause.CUT_OFF + "\n");
        JsonPath summary = accounted(OneSecondOfRestAssured.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].sent")).isEqualTo(4);
    }

    @Test
    void aServerSlowerThanTheTimeoutTimesOut() throws IOException {
        serve(FaultServer.slow(1_000));

        EngineExecutionResults results = Fixtures.run(EightRequests.class, reports,
                Map.of("horde.request.timeout", "250ms"));

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target not answering in time: 8 of 8 requests: timeout (" + server.authority() + ")\n");
        JsonPath summary = accounted(EightRequests.class, "get");
        assertThat(summary.getDouble("metrics['GET /fault'].maxMs")).isLessThan(1_000.0);
    }

    @Test
    void aConnectionResetMidResponseIsAFailedRequest() throws IOException {
        serve(FaultServer.resetMidResponse());

        EngineExecutionResults results = Fixtures.run(TwoHundred.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target dropped connections: 200 of 200 requests: connection reset (" + server.authority() + ")\n");
        accounted(TwoHundred.class, "get");
        assertThat(server.requests()).isEqualTo(200);
    }

    @Test
    void aConnectionResetMidResponseFailsRestAssuredRequestsWithoutRetries() throws IOException {
        serve(FaultServer.resetMidResponse());

        EngineExecutionResults results = Fixtures.run(TwoHundredOfRestAssured.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target dropped connections: 200 of 200 requests: connection reset (" + server.authority() + ")\n");
        accounted(TwoHundredOfRestAssured.class, "get");
        assertThat(server.requests()).as("HttpClient 4 would send each three times more").isEqualTo(200);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsNoResponseAndNotSentAgain() throws IOException {
        serve(FaultServer.closeWithoutAnswer());

        EngineExecutionResults results = Fixtures.run(TwoHundred.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target dropped connections: 200 of 200 requests: no response (" + server.authority() + ")\n");
        accounted(TwoHundred.class, "get");
        assertThat(server.requests()).as("a new connection's failure is the request's outcome").isEqualTo(200);
    }

    @Test
    void restAssuredRequestsClosedWithoutAnAnswerAreNotSentAgainEither() throws IOException {
        serve(FaultServer.closeWithoutAnswer());

        EngineExecutionResults results = Fixtures.run(TwoHundredOfRestAssured.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target dropped connections: 200 of 200 requests: no response (" + server.authority() + ")\n");
        accounted(TwoHundredOfRestAssured.class, "get");
        assertThat(server.requests()).as("HttpClient 4 alone sends each three times more").isEqualTo(200);
    }

    @Test
    void aConnectionClosedMidResponseIsAFailedRequest() throws IOException {
        serve(FaultServer.closeMidResponse());

        EngineExecutionResults results = Fixtures.run(TwoHundred.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith("target dropped connections: 200 of 200 requests:"
                + " connection closed mid-response (" + server.authority() + ")\n");
        accounted(TwoHundred.class, "get");
    }

    @Test
    void keepAliveConnectionsClosedAtRandomAreReopenedAndEveryRequestSucceeds() throws IOException {
        serve(FaultServer.closeKeepAliveAtRandom(0.3, 42));

        Fixtures.run(Thousand.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = accounted(Thousand.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].ok")).isEqualTo(1_000);
        assertThat(server.connections()).as("connections the server closed were replaced").isGreaterThan(100);
        assertThat(server.requests()).as("requests that met a closed connection were sent again")
                .isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void keepAliveConnectionsClosedAtRandomAreReopenedForRestAssuredToo() throws IOException {
        serve(FaultServer.closeKeepAliveAtRandom(0.3, 42));

        Fixtures.run(ThousandOfRestAssured.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = accounted(ThousandOfRestAssured.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].ok")).isEqualTo(1_000);
        assertThat(server.connections()).as("connections the server closed were replaced").isGreaterThan(100);
    }

    @Test
    void aStormOfServerErrorsBreaksTheErrorBudgetWithItsShare() throws IOException {
        serve(FaultServer.statusStorm(503, 0.6, 7));

        EngineExecutionResults results = Fixtures.run(StormWithBudget.class, reports);

        String message = Fixtures.failureMessage(results);
        assertThat(message).containsPattern("^target failing: \\d{3} of 1,000 requests: HTTP 503\n")
                .containsPattern("\n  error rate of \\* was \\d\\d\\.\\d% \\(\\d{3} of 1,000\\), budget 5\\.0% — \\d{3} × HTTP 503");
        JsonPath summary = accounted(StormWithBudget.class, "get");
        assertThat(summary.getInt("metrics['GET /fault'].failed")).isBetween(500, 700);
        assertThat(summary.getInt("metrics['GET /fault'].errors['HTTP 503']"))
                .isEqualTo(summary.getInt("metrics['GET /fault'].failed"));
    }

    @Test
    void bytesThatAreNotHttpAreAMalformedResponse() throws IOException {
        serve(FaultServer.malformed());

        EngineExecutionResults results = Fixtures.run(TwoHundred.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith("target sent malformed responses: 200 of 200 requests:"
                + " malformed response (" + server.authority() + ")\n");
        accounted(TwoHundred.class, "get");
    }

    @Test
    void aTestTimeoutDuringHangingRequestsWritesPartialResultsWithEveryRequestAccounted() throws IOException {
        serve(FaultServer.hang());

        long start = System.nanoTime();
        EngineExecutionResults results = Fixtures.run(TimesOut.class, reports);

        assertThat(secondsSince(start)).isLessThan(8);
        assertThat(Fixtures.failureMessage(results)).contains("timed out after 3 seconds");
        JsonPath summary = accounted(TimesOut.class, "get", true);
        assertThat(summary.getInt("metrics['GET /fault'].sent")).isEqualTo(4);
        assertThat(summary.getMap("metrics['GET /fault'].errors")).containsOnlyKeys(FailureCause.CUT_OFF);
    }

    @Test
    void aJvmShutdownMidRunWritesPartialResultsWithEveryRequestAccounted() throws Exception {
        serve(FaultServer.slow(100));

        Path output = reports.resolve("child.log");
        Process child = ChildJvm.start(KilledMidRun.class, reports, output, Map.of(LoadTest.TARGET_PROPERTY_NAME, target));
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> server.requests() >= 40);
            child.destroy(); // SIGTERM, as a CI runner's cancel: the JVM runs its shutdown hooks
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        } finally {
            child.destroyForcibly();
        }

        String printed = Files.readString(output);
        JsonPath summary = Fixtures.summary(reports, KilledMidRun.class, "get");
        assertThat(summary.getBoolean("partial")).as(printed).isTrue();
        int sent = summary.getInt("metrics['GET /fault'].sent");
        int ok = summary.getInt("metrics['GET /fault'].ok");
        assertThat(ok).isPositive();
        assertThat(ok + summary.getInt("metrics['GET /fault'].failed")
                + summary.getInt("metrics['GET /fault'].unfinished")).isEqualTo(sent);
        assertThat(sent).as("what the server read, give or take each user's last request")
                .isBetween(server.requests() - 4, server.requests() + 4);
        assertThat(printed).as("one summary, written once").containsOnlyOnce("INTERRUPTED");
    }

    private void serve(FaultServer.Fault fault) throws IOException {
        server = faults.serve(fault);
        target = server.baseUri();
    }

    private JsonPath summary(Class<?> fixture) {
        return Fixtures.summary(reports, fixture, "get");
    }

    private JsonPath accounted(Class<?> fixture, String method) {
        return accounted(fixture, method, false);
    }

    /** The summary, having checked that every sample sent ended as one ok or one failed, and no user was abandoned. */
    private JsonPath accounted(Class<?> fixture, String method, boolean partial) {
        JsonPath summary = Fixtures.accountedFor(Fixtures.summary(reports, fixture, method));
        assertThat(summary.getBoolean("partial")).isEqualTo(partial);
        return summary;
    }

    private static long secondsSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A user with a lean client to the fault's target. */
    public static class Client implements User {
        final HttpApi api = HttpApi.to(target);
    }

    static class ThousandTwoHundred {
        @LoadTest(users = 4, iterations = 300, duration = "30s")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class UnreachableForAMinute {
        @LoadTest(users = 4, duration = "1m")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    /** Half of its requests go to a closed port, for 3 s: the target is reachable, and the run goes to its end. */
    static class SometimesUnreachable {
        static volatile String closed;

        public static class TwoTargets implements User {
            final HttpApi reachable = HttpApi.to(target);
            final HttpApi refusing = HttpApi.to(closed);
        }

        @ErrorBudget(maxRate = 0.6)
        @LoadTest(users = 2, duration = "3s")
        void get(TwoTargets user) throws InterruptedException {
            user.reachable.get("/fault").send();
            try {
                user.refusing.get("/refused").send();
            } catch (RuntimeException expected) {
                // refused, and recorded so
            }
            Thread.sleep(10);
        }
    }

    static class EightRequests {
        @LoadTest(users = 4, iterations = 2, duration = "30s")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class OneSecond {
        @LoadTest(users = 4, duration = "1s")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class OneSecondOfRestAssured {
        @LoadTest(users = 4, duration = "1s")
        void get() {
            RestAssured.given().baseUri(target).get("/fault");
        }
    }

    static class KilledMidRun {
        @LoadTest(users = 4, duration = "60s")
        void get() {
            RestAssured.get("/fault"); // horde.target is the fault server
        }
    }

    static class TwoHundred {
        @LoadTest(users = 4, iterations = 50, duration = "30s")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class TwoHundredOfRestAssured {
        @LoadTest(users = 4, iterations = 50, duration = "30s")
        void get() {
            RestAssured.given().baseUri(target).get("/fault");
        }
    }

    static class ThousandOfRestAssured {
        @LoadTest(users = 4, iterations = 250, duration = "30s")
        void get() {
            RestAssured.given().baseUri(target).get("/fault");
        }
    }

    static class Thousand {
        @LoadTest(users = 4, iterations = 250, duration = "30s")
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class StormWithBudget {
        @LoadTest(users = 4, iterations = 250, duration = "30s")
        @ErrorBudget(metric = "*", maxRate = 0.05)
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }

    static class TimesOut {
        @LoadTest(users = 4, duration = "30s")
        @Timeout(value = 3, unit = TimeUnit.SECONDS)
        void get(Client client) {
            client.api.get("/fault").send();
        }
    }
}
