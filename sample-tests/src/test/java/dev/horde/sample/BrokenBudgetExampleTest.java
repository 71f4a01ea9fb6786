package dev.horde.sample;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Sample: what a broken budget looks like. {@link OverAmbitiousScenario} asks for what the service cannot give;
 * it runs here through JUnit's EngineTestKit so that this build stays green while showing the failure a real build
 * would report.
 */
class BrokenBudgetExampleTest {

    @Test
    void aBrokenBudgetFailsTheTestAndSaysWhatBroke() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(OverAmbitiousScenario.class))
                .configurationParameter(LoadTest.JUNIT_DIR_PROPERTY_NAME, "off") // its failures are this test's to check
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        String message = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
        System.out.println("The scenario failed as it should, with:\n" + message);

        assertThat(message).containsPattern("^target rejected requests: ([\\d,]+) of \\1 requests: HTTP 404\n"
                + "3 of 3 budgets broken in OverAmbitiousScenario.readMissingPosts \\(5 users, 3s\\):");
        assertThat(message).containsPattern("\n  p50 of GET /api/posts/\\{id} was [\\d.,]+ ms, budget 0.001 ms \\(n=([\\d,]+);"
                + " \\1 failed slower than the budget, counted\\)");
        assertThat(message).containsPattern("\n  error rate of \\* was 100.0% \\(([\\d,]+) of \\1\\), budget 1.0% — \\1 × HTTP 404");
        assertThat(message).containsPattern("\n  error rate of iteration was 100.0% \\(([\\d,]+) of \\1\\), budget 1.0% — "
                + "\\1 × assertion failed: 1 expectation failed. Expected status code <200> but was <404>.");
    }

    /** Reads posts that do not exist, and expects a microsecond median: three budgets broken. */
    @ExtendWith(DemoTarget.class)
    static class OverAmbitiousScenario {

        @LoadTest(users = 5, duration = "3s")
        @LatencyBudget(metric = "GET /api/posts/{id}", p50 = "0.001ms")
        @ErrorBudget(maxRate = 0.01)
        void readMissingPosts() {
            given().get("/api/posts/{id}", 999_999).then().statusCode(200);
        }
    }
}
