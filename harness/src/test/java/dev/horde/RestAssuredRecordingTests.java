package dev.horde;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Load tests written as plain REST Assured tests, against a real HTTP server on loopback. */
class RestAssuredRecordingTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @Test
    void everyRequestTheServerSawIsRecordedUnderItsPathTemplate() {
        EngineExecutionResults results = Fixtures.run(BrowseItems.class, reports);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        JsonPath summary = Fixtures.summary(reports, BrowseItems.class, "browse");
        assertThat(summary.getMap("metrics")).containsOnlyKeys("GET /items/{id}", "POST /ok", "*", "iteration");
        assertThat(summary.getLong("metrics['GET /items/{id}'].count")).isEqualTo(server.requests("/items/")).isEqualTo(200);
        assertThat(summary.getLong("metrics['POST /ok'].count")).isEqualTo(server.requests("/ok")).isEqualTo(200);
        assertThat(summary.getLong("metrics['*'].count")).isEqualTo(400);
        assertThat(summary.getLong("metrics['*'].failed")).isZero();
        assertThat(server.connections()).as("each user keeps its connection alive").isBetween(1, 4);
    }

    @Test
    void hordeTargetPointsRestAssuredAtTheTargetForTheTestOnlyAndTheSummaryNamesIt() {
        RestAssured.reset();
        List<Filter> filtersBefore = List.copyOf(RestAssured.filters());

        EngineExecutionResults results = Fixtures.run(BrowseAnywhere.class, reports,
                Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri()));

        Fixtures.assertPassed(results);
        assertThat(server.requests("/items/")).isEqualTo(20);
        assertThat(Fixtures.summary(reports, BrowseAnywhere.class, "browse").getString("plan.target"))
                .isEqualTo(server.baseUri());
        assertThat(RestAssured.baseURI).isEqualTo(RestAssured.DEFAULT_URI);
        assertThat(RestAssured.port).isEqualTo(RestAssured.UNDEFINED_PORT);
        assertThat(RestAssured.basePath).isEqualTo(RestAssured.DEFAULT_PATH);
        assertThat(RestAssured.filters()).as("Horde's recorder is gone after the test").isEqualTo(filtersBefore);
    }

    @Test
    void aBudgetOnATemplateOverPathsBuiltByConcatenationSaysHowToWriteThem() {
        String message = Fixtures.failureMessage(Fixtures.run(ConcatenatedPaths.class, reports));

        assertThat(message).contains("p95 of GET /items/{id}: no samples, budget 1,000 ms (recorded metrics: ")
                .contains("; requests went to 3 concrete paths (GET /items/")
                .contains("each its own metric: write the path as a template with its values apart,"
                        + " e.g. get(\"/items/{id}\", id))");
    }

    @Test
    void aRouteFailingOnAKnownFractionTripsTheErrorBudgetWithThatRate() {
        EngineExecutionResults results = Fixtures.run(FlakyRoute.class, reports);

        assertThat(server.requests("/flaky")).isEqualTo(200);
        String message = Fixtures.failureMessage(results);
        assertThat(message).startsWith("2 of 2 budgets broken in FlakyRoute.flaky (4 users, 10s, 50 iterations per user):\n"
                + "  error rate of * was 10.0% (20 of 200), budget 5.0% — 20 × HTTP 500\n"
                + "  error rate of iteration was 10.0% (20 of 200), budget 5.0% — 20 × assertion failed: 1 expectation"
                + " failed. Expected status code <200> but was <500>.\n"
                + "First errors:\n"
                + "  GET /flaky: HTTP 500\n"
                + "  iteration: assertion failed: 1 expectation failed. Expected status code <200> but was <500>.");
        JsonPath summary = Fixtures.summary(reports, FlakyRoute.class, "flaky");
        assertThat(summary.getInt("metrics['GET /flaky'].errors['HTTP 500']")).isEqualTo(20);
        assertThat(summary.getString("errorSamples[0].metric")).isEqualTo("GET /flaky");
        assertThat(summary.getString("errorSamples[0].stackTrace")).as("as the lean client samples a status")
                .startsWith("dev.horde.internal.restassured.StatusFailure: GET /flaky answered HTTP 500");
    }

    @Test
    void aRouteThatSleepsAKnownTimeShowsInTheMedian() {
        Fixtures.run(SlowRoute.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, SlowRoute.class, "slow");
        assertThat(summary.getDouble("metrics['GET /sleep'].p50Ms")).isBetween(50.0, 1_000.0);
        assertThat(summary.getDouble("metrics['GET /sleep'].meanMs")).isGreaterThanOrEqualTo(50.0);
    }

    @Test
    void aBrokenLatencyBudgetNamesPercentileMetricMeasuredAndLimit() {
        String message = Fixtures.failureMessage(Fixtures.run(SlowRouteWithTightBudget.class, reports));

        assertThat(message).containsPattern("p95 of GET /sleep was [\\d.]+ ms, budget 10 ms \\(n=20\\)");
    }

    @Test
    void requestsThatTakeLongerThanTheTimeoutFailAsTimeouts() {
        EngineExecutionResults results =
                Fixtures.run(HangingRoute.class, reports, Map.of("horde.request.timeout", "200ms"));

        String at = server.baseUri().substring("http://".length());
        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target not answering in time: 2 of 2 requests: timeout (" + at + ")\n");
        JsonPath summary = Fixtures.summary(reports, HangingRoute.class, "hang");
        assertThat(summary.getInt("metrics['GET /sleep'].errors['timeout (" + at + ")']")).isEqualTo(2);
        assertThat(summary.getDouble("metrics['GET /sleep'].failedLatency.p50Ms")).isBetween(200.0, 5_000.0);
    }

    @Test
    void requestsMadeOutsideVirtualUsersAreNotRecorded() {
        given().baseUri(server.baseUri()).get("/ok").then().statusCode(200); // installs nothing, records nowhere
        Fixtures.run(BrowseItems.class, reports);

        given().baseUri(server.baseUri()).get("/ok").then().statusCode(200);

        assertThat(Fixtures.summary(reports, BrowseItems.class, "browse").getLong("metrics['POST /ok'].count"))
                .isEqualTo(200);
    }

    @Test
    void aKeptAliveClientAddsNoCookiesOfItsOwn() {
        Fixtures.run(CookiesAsGiven.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void connectionRefusedIsACauseNotACrash() {
        EngineExecutionResults results = Fixtures.run(NothingListening.class, reports);

        assertThat(Fixtures.failureMessage(results))
                .contains("error rate of * was 100.0% (3 of 3), budget 0% — 3 × connection refused");
    }

    @Test
    void requestsFailingInsideTheClientAreAClientErrorNotTheTargets() {
        EngineExecutionResults results = Fixtures.run(BrokenClient.class, reports);

        assertThat(Fixtures.failureMessage(results)).startsWith("requests failed in the HTTP client, not at the target:"
                + " 20 of 20 requests: client error: IllegalStateException: Invalid use of BasicClientConnManager:"
                + " connection still allocated.\n");
        assertThat(server.requests("/ok")).isZero();
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class ConcatenatedPaths {
        private static final java.util.concurrent.atomic.AtomicInteger NEXT = new java.util.concurrent.atomic.AtomicInteger();

        @BeforeEach
        void target() {
            RestAssured.baseURI = server.baseUri();
        }

        @LoadTest(users = 1, duration = "20s", iterations = 3)
        @LatencyBudget(metric = "GET /items/{id}", p95 = "1s")
        void browse() {
            given().get("/items/" + NEXT.incrementAndGet()).then().statusCode(200);
        }
    }

    static class BrowseAnywhere {
        @LoadTest(users = 2, duration = "20s", iterations = 10)
        @ErrorBudget(maxRate = 0)
        void browse() {
            given().get("/items/{id}", 7).then().statusCode(200);
        }
    }

    static class BrowseItems {
        @BeforeEach
        void target() {
            RestAssured.baseURI = server.baseUri();
        }

        @LoadTest(users = 4, duration = "20s", iterations = 50)
        @ErrorBudget(maxRate = 0)
        void browse() {
            given().get("/items/{id}", 7).then().statusCode(200);
            given().body("{}").post("/ok?verbose=true").then().statusCode(200);
        }
    }

    static class FlakyRoute {
        @LoadTest(users = 4, duration = "10s", iterations = 50)
        @ErrorBudget(maxRate = 0.05)
        void flaky() {
            given().baseUri(server.baseUri()).get("/flaky").then().statusCode(200);
        }
    }

    static class SlowRoute {
        @LoadTest(users = 2, duration = "10s", iterations = 10)
        void slow() {
            given().baseUri(server.baseUri()).get("/sleep?ms=50").then().statusCode(200);
        }
    }

    static class SlowRouteWithTightBudget {
        @LoadTest(users = 2, duration = "10s", iterations = 10)
        @LatencyBudget(metric = "GET /sleep", p95 = "10ms")
        void slow() {
            given().baseUri(server.baseUri()).get("/sleep?ms=50").then().statusCode(200);
        }
    }

    static class HangingRoute {
        @LoadTest(users = 2, duration = "10s", iterations = 1)
        void hang() {
            try {
                given().baseUri(server.baseUri()).get("/sleep?ms=20000");
            } catch (RuntimeException expected) {
                // the request timed out: recorded by the harness, and this test expects it
            }
        }
    }

    static class CookiesAsGiven {
        @LoadTest(users = 2, duration = "10s", iterations = 3)
        @ErrorBudget(metric = "iteration", maxRate = 0)
        void cookies() {
            given().baseUri(server.baseUri()).get("/login").then().statusCode(200).cookie("session", "s3");
            given().baseUri(server.baseUri()).get("/whoami").then().body("cookie", org.hamcrest.Matchers.emptyString());
            given().baseUri(server.baseUri()).cookie("mine", "1").get("/whoami")
                    .then().body("cookie", org.hamcrest.Matchers.equalTo("mine=1"));
        }
    }

    static class BrokenClient {
        @LoadTest(users = 2, duration = "10s", iterations = 10)
        void broken() {
            given().baseUri(server.baseUri()).filter((request, response, context) -> {
                throw new IllegalStateException("Invalid use of BasicClientConnManager: connection still allocated.");
            }).get("/ok");
        }
    }

    static class NothingListening {
        @LoadTest(users = 1, duration = "10s", iterations = 3)
        @ErrorBudget(metric = "*", maxRate = 0)
        void refused() {
            given().baseUri("http://127.0.0.1:1").get("/ok");
        }
    }
}
