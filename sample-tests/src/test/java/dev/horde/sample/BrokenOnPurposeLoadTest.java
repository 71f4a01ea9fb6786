package dev.horde.sample;

import static io.restassured.RestAssured.given;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample: a load test that fails, for real, so the Allure report shows what a broken budget looks like and sorts it
 * under "latency budget broken". A minute is planned, but {@code abortOnBreach} stops the run as soon as the budget
 * cannot be met any more, a few seconds in. Paced, so the demo in this JVM does not take the cores: a run whose
 * generator takes them is inconclusive, not failed. Tagged {@code broken-on-purpose}: {@code mvn verify} leaves it out, the
 * samples profile ({@code mvn -Psamples verify}) runs it and still produces the report.
 */
@Tag("broken-on-purpose")
@ExtendWith(DemoTarget.class)
class BrokenOnPurposeLoadTest {

    @LoadTest(users = 5, duration = "1m", rampUp = "1s", pacing = "100ms", abortOnBreach = true)
    @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "0.1ms")
    @ErrorBudget(maxRate = 0.01)
    void expectsTheImpossible() {
        given().get("/api/posts/{id}", 2).then().statusCode(200);
    }
}
