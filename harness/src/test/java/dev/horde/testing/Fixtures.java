package dev.horde.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.horde.LoadTest;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture test classes through the JUnit engine, as a user's build would, and reads what they left. */
public final class Fixtures {

    private Fixtures() {
    }

    /**
     * Runs {@code fixture} with summaries written to {@code reportDir} and the given configuration parameters; without
     * the generator's warm-up unless they ask for it, so that a fixture's requests are the ones its test counts; the
     * JUnit XML of its budgets goes to {@code reportDir/junit}, not among this build's own test reports.
     */
    public static EngineExecutionResults run(Class<?> fixture, Path reportDir, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter("horde.report.dir", reportDir.toString())
                .configurationParameter(LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME, "off")
                .configurationParameter(LoadTest.JUNIT_DIR_PROPERTY_NAME, reportDir.resolve("junit").toString())
                .configurationParameters(parameters)
                .execute();
    }

    /** Runs {@code fixture} with summaries written to {@code reportDir}. */
    public static EngineExecutionResults run(Class<?> fixture, Path reportDir) {
        return run(fixture, reportDir, Map.of());
    }

    /** Asserts that the fixture's tests all passed, with the message of the first failure if one did not. */
    public static void assertPassed(EngineExecutionResults results) {
        results.allEvents().failed().stream().findFirst().ifPresent(failed -> {
            Throwable failure = failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
            throw new AssertionError(failed.getTestDescriptor().getDisplayName() + " failed: " + failure.getMessage(),
                    failure);
        });
        assertThat(results.testEvents().succeeded().count()).as("tests passed").isPositive();
    }

    /** The message of the only failed test or container. */
    public static String failureMessage(EngineExecutionResults results) {
        Event failed = results.allEvents().failed().stream()
                .reduce((a, b) -> {
                    throw new AssertionError("more than one failure: " + a + " and " + b);
                })
                .orElseThrow(() -> new AssertionError("nothing failed"));
        return failed.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    /** The JSON summary of {@code fixture}'s method {@code method}. */
    public static JsonPath summary(Path reportDir, Class<?> fixture, String method) {
        Path file = reportDir.resolve(fixture.getName() + "." + method + ".json");
        if (!Files.exists(file)) {
            throw new AssertionError("no summary at " + file);
        }
        return JsonPath.from(file.toFile());
    }

    /**
     * Checks that every sample of every metric in {@code summary} that was sent ended as one ok or one failed, none
     * unfinished, and that no user was abandoned; returns the summary.
     */
    public static JsonPath accountedFor(JsonPath summary) {
        Map<String, Map<String, Object>> metrics = summary.getMap("metrics");
        assertThat(metrics).isNotEmpty();
        metrics.forEach((name, metric) -> {
            int sent = ((Number) metric.get("sent")).intValue();
            int ok = ((Number) metric.get("ok")).intValue();
            int failed = ((Number) metric.get("failed")).intValue();
            assertThat(sent).as("sent == ok + failed for %s: %s", name, metric).isEqualTo(ok + failed);
            assertThat(metric.get("unfinished")).as("unfinished of %s", name).isEqualTo(0);
        });
        assertThat(summary.getInt("run.usersNotStopped")).isZero();
        return summary;
    }
}
