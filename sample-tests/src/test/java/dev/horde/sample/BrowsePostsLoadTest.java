package dev.horde.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.ThroughputBudget;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 1: an existing REST Assured functional test turned into a load test. The method body is unchanged; the
 * annotations make 5 virtual users run it for 10 seconds, and the budgets fail the build when the service is too
 * slow, fails too often, or serves too little.
 */
@ExtendWith(DemoTarget.class) // the samples' extension: starts the demo service, points REST Assured at it
class BrowsePostsLoadTest {

    @LoadTest(users = 5, duration = "10s", rampUp = "2s", warmUp = "2s")
    @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "250ms", p99 = "1s")
    @LatencyBudget(p99 = "2s")
    @ErrorBudget(maxRate = 0.01)
    @ThroughputBudget(min = 20)
    void readAPost() {
        given().get("/api/posts/{id}", 1)
                .then().statusCode(200)
                .body("channel", equalTo("town-square"));
    }
}
