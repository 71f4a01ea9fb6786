package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horde.http.HttpApi;
import dev.horde.http.HttpResult;
import dev.horde.http.RequestFailedException;
import dev.horde.http.UnexpectedStatusException;
import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The lean client ({@link HttpApi}) inside load tests, against a real HTTP server on loopback. */
class HttpApiRecordingTests {

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @Test
    void everyRequestIsRecordedUnderItsTemplateOverKeptAliveConnections() {
        EngineExecutionResults results = Fixtures.run(BrowseItems.class, reports);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        JsonPath summary = Fixtures.summary(reports, BrowseItems.class, "browse");
        assertThat(summary.getMap("metrics")).containsOnlyKeys("GET /items/{id}", "POST /ok", "*", "iteration");
        assertThat(summary.getLong("metrics['GET /items/{id}'].count")).isEqualTo(server.requests("/items/")).isEqualTo(200);
        assertThat(summary.getLong("metrics['POST /ok'].count")).isEqualTo(server.requests("/ok")).isEqualTo(200);
        assertThat(summary.getLong("metrics['*'].failed")).isZero();
        assertThat(server.connections()).as("connections for 400 requests of 4 users").isBetween(1, 4);
    }

    @Test
    void anUnexpectedStatusIsAFailedSampleWithItsStatusAsCause() {
        EngineExecutionResults results = Fixtures.run(FlakyRoute.class, reports);

        assertThat(server.requests("/flaky")).isEqualTo(200);
        assertThat(Fixtures.failureMessage(results)).startsWith("2 of 2 budgets broken in FlakyRoute.flaky")
                .contains("error rate of * was 10.0% (20 of 200), budget 5.0% — 20 × HTTP 500")
                .endsWith("First errors:\n  GET /flaky: HTTP 500");
        JsonPath summary = Fixtures.summary(reports, FlakyRoute.class, "flaky");
        assertThat(summary.getString("errorSamples[0].stackTrace"))
                .contains("GET /flaky → 500, expected a status below 400: {\"status\":500}");
        assertThat(summary.getInt("metrics['GET /flaky'].errors['HTTP 500']")).isEqualTo(20);
        assertThat(summary.getInt("metrics['GET /flaky'].count")).isEqualTo(200);
    }

    @Test
    void expectedStatusesCountAsSuccessEvenAbove400() {
        Fixtures.run(ExpectedNotFound.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, ExpectedNotFound.class, "missing");
        assertThat(summary.getInt("metrics['GET /nowhere'].count")).isEqualTo(10);
        assertThat(summary.getInt("metrics['GET /nowhere'].failed")).isZero();
    }

    @Test
    void noResponseIsAFailedSampleWithItsCause() {
        EngineExecutionResults results =
                Fixtures.run(Unanswered.class, reports, Map.of("horde.request.timeout", "300ms"));

        String at = server.baseUri().substring("http://".length());
        assertThat(Fixtures.failureMessage(results)).startsWith("target not answering in time: 9 of 9 requests:"
                + " 6 × timeout (" + at + "), 3 × connection refused (127.0.0.1:1)\n");
        JsonPath summary = Fixtures.summary(reports, Unanswered.class, "unanswered");
        assertThat(summary.getInt("metrics['GET /ok'].errors['connection refused (127.0.0.1:1)']")).isEqualTo(3);
        assertThat(summary.getInt("metrics['GET /sleep'].errors['timeout (" + at + ")']")).isEqualTo(3);
        assertThat(summary.getDouble("metrics['GET /sleep'].failedLatency.p50Ms")).isBetween(300.0, 5_000.0);
        assertThat(summary.getInt("metrics['GET /sleep?fast'].errors['timeout (" + at + ")']")).isEqualTo(3);
        assertThat(summary.getDouble("metrics['GET /sleep?fast'].failedLatency.p50Ms")).as("cut at its own, shorter deadline")
                .isGreaterThanOrEqualTo(100.0).isLessThan(summary.getDouble("metrics['GET /sleep'].failedLatency.p50Ms"));
    }

    @Test
    void aResponseThatTricklesInIsCutAtTheRequestDeadline() {
        EngineExecutionResults results =
                Fixtures.run(Trickle.class, reports, Map.of("horde.request.timeout", "300ms"));

        String at = server.baseUri().substring("http://".length());
        assertThat(Fixtures.failureMessage(results)).startsWith(
                "target not answering in time: 2 of 2 requests: timeout (" + at + ")\n");
        JsonPath summary = Fixtures.summary(reports, Trickle.class, "trickle");
        assertThat(summary.getInt("metrics['GET /trickle'].errors['timeout (" + at + ")']")).isEqualTo(2);
        assertThat(summary.getDouble("metrics['GET /trickle'].failedLatency.maxMs")).isBetween(300.0, 1_000.0);
    }

    @Test
    void eachUserKeepsItsOwnCookiesAndToken() {
        Fixtures.run(Sessions.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, Sessions.class, "session");
        assertThat(summary.getInt("metrics['iteration'].count")).isEqualTo(30);
        assertThat(summary.getInt("metrics['iteration'].failed")).isZero();
    }

    @Test
    void pathPlaceholdersAreEncodedAsPathSegments() {
        HttpApi api = HttpApi.to(server.baseUri());

        JsonNode echoed = api.get("/whoami/{name}/{n}", "a b/c?d", 7).send().json();

        assertThat(echoed.get("path").asText()).isEqualTo("/whoami/a%20b%2Fc%3Fd/7");
        assertThatThrownBy(() -> api.get("/whoami/{name}", "a", "b").send())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("path [/whoami/{name}] has 1 placeholder(s)"
                        + " but 2 values were given");
    }

    @Test
    void outsideALoadTestTheClientWorksUnrecorded() {
        HttpApi api = HttpApi.to(server.baseUri() + "/");

        HttpResult result = api.post("/ok").json(Map.of("a", 1)).query("q", "x y").send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("status").asInt()).isEqualTo(200);
        assertThat(result.header("content-type")).contains("application/json");
        assertThatThrownBy(() -> api.get("/fail").send()).isInstanceOf(UnexpectedStatusException.class)
                .hasMessage("GET /fail → 500, expected a status below 400: {\"status\":500}");
        assertThatThrownBy(() -> HttpApi.to("http://127.0.0.1:1").get("/").send())
                .isInstanceOf(RequestFailedException.class).hasMessage("GET /: connection refused (127.0.0.1:1)");
    }

    @Test
    void anEmptyListOfExpectedStatusesIsRejected() {
        assertThatThrownBy(() -> HttpApi.to(server.baseUri()).get("/ok").expect())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expect() needs at least one status, e.g. expect(200) or expect(200, 404)");
    }

    @Test
    void aBaseUriThatIsNotAnHttpUrlIsRejectedWithTheValue() {
        assertThatThrownBy(() -> HttpApi.to("localhost:8080")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base URI [localhost:8080] must be an absolute http or https URL, e.g. http://127.0.0.1:8080");
        assertThatThrownBy(() -> HttpApi.to("http://bad host")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("base URI [http://bad host] is not a URL: ");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class BrowseItems {
        @LoadTest(users = 4, duration = "20s", iterations = 50)
        @ErrorBudget(maxRate = 0)
        void browse() {
            HttpApi api = server.api();
            api.get("/items/{id}", 7).expect(200).send();
            api.post("/ok").query("verbose", true).json("{}").send();
        }
    }

    static class FlakyRoute {
        @LoadTest(users = 4, duration = "10s", iterations = 50)
        @ErrorBudget(maxRate = 0.05)
        void flaky() {
            server.api().get("/flaky").send();
        }
    }

    static class ExpectedNotFound {
        @LoadTest(users = 2, duration = "10s", iterations = 5)
        @ErrorBudget(metric = "*", maxRate = 0)
        void missing() {
            assertThat(server.api().get("/nowhere").expect(200, 404).send().status()).isEqualTo(404);
        }
    }

    static class Unanswered {
        @LoadTest(users = 1, duration = "10s", iterations = 3)
        void unanswered() {
            assertThatThrownBy(() -> HttpApi.to("http://127.0.0.1:1").get("/ok").send())
                    .isInstanceOf(RequestFailedException.class);
            assertThatThrownBy(() -> server.api().get("/sleep").query("ms", 3000).send())
                    .isInstanceOf(RequestFailedException.class).hasMessageStartingWith("GET /sleep: timeout (127.0.0.1:");
            assertThatThrownBy(() -> server.api().get("/sleep").query("ms", 3000).timeout(Duration.ofMillis(100))
                    .as("GET /sleep?fast").send()).isInstanceOf(RequestFailedException.class);
        }
    }

    static class Trickle {
        @LoadTest(users = 1, duration = "10s", iterations = 2)
        void trickle() {
            assertThatThrownBy(() -> server.api().get("/trickle").query("ms", 5000).send())
                    .isInstanceOf(RequestFailedException.class).hasMessageStartingWith("GET /trickle: timeout (127.0.0.1:");
        }
    }

    static class Sessions {
        @LoadTest(users = 3, duration = "10s", iterations = 10)
        void session() {
            HttpApi api = HttpApi.to(server.baseUri());
            JsonNode anonymous = api.get("/whoami").send().json();
            assertThat(anonymous.get("cookie").asText()).isEmpty();
            api.get("/login").send();
            api.bearer("t-" + Thread.currentThread().getName());
            JsonNode signedIn = api.get("/whoami").send().json();
            assertThat(signedIn.get("cookie").asText()).isEqualTo("session=s3");
            assertThat(signedIn.get("authorization").asText()).isEqualTo("Bearer t-" + Thread.currentThread().getName());
            api.clearSession();
            JsonNode signedOut = api.get("/whoami").send().json();
            assertThat(signedOut.get("cookie").asText()).isEmpty();
            assertThat(signedOut.get("authorization").asText()).isEmpty();
        }
    }
}
