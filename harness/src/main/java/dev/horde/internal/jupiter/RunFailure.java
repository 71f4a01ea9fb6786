package dev.horde.internal.jupiter;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.ErrorSample;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.report.RunResult;
import dev.horde.internal.verdict.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a finished load test throws: nothing when it passed; a {@link TestAbortedException} when it was inconclusive
 * (the load generator was the limit); else an {@link AssertionFailedError} that says what broke, caused by the first
 * error of the test's own code.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunFailure {

    private RunFailure() {
    }

    /** The failure of {@code report}, or null when it passed. */
    public static Throwable of(RunResult report) {
        LoadPlan plan = report.plan();
        RunOutcome outcome = report.outcome();
        Verdict verdict = report.verdict();
        String test = plan.testName();
        Optional<String> generatorLimit = report.inconclusive();
        if (outcome.interrupted()) {
            return new AssertionFailedError("Load test " + test + " was interrupted after "
                    + outcome.elapsed().toMillis() + " ms; the results so far are in the summary, marked partial.");
        }
        if (generatorLimit.isPresent()) {
            return new TestAbortedException("Load test " + test + " is inconclusive: the load generator was the"
                    + " limit (" + generatorLimit.get() + "), so the service was not measured at the planned load.\n"
                    + verdict.failureMessage(test, plan.describe(), outcome.metrics())
                    + "\nGive the generator more room (fewer users per JVM, another machine for the target, or"
                    + " several JVMs), or set -D" + LoadTest.INCONCLUSIVE_PROPERTY_NAME + "=fail to fail such runs.");
        }
        if (outcome.stoppedEarly() != null && !report.endedSearch()) {
            return new AssertionFailedError("Load test " + test + " stopped after "
                    + Durations.format(Duration.ofSeconds(outcome.elapsed().toSeconds())) + " of "
                    + Durations.format(plan.duration()) + ": " + outcome.stoppedEarly() + ".\n"
                    + (outcome.stoppedOnBreach() ? "" : targetHint(plan) + "\n")
                    + verdict.failureMessage(test, plan.describe(), outcome.metrics()),
                    firstError(outcome.metrics()));
        }
        if (!verdict.passed()) {
            return new AssertionFailedError(verdict.failureMessage(test, plan.describe(), outcome.metrics()),
                    firstError(outcome.metrics()));
        }
        return null;
    }

    /** Where the test sent its requests, and how to point it at the service under test. */
    private static String targetHint(LoadPlan plan) {
        String target = plan.target() == null ? "No target is configured, so requests went where the test's own URLs"
                + " point (see the causes below)."
                : "The target is " + plan.targetText() + ".";
        return target + " Start the service before the test, or point the test at it with -D"
                + LoadTest.TARGET_PROPERTY_NAME + "=http://host:port (also read from junit-platform.properties), or"
                + " RestAssured.baseURI and port; -D" + LoadTest.UNREACHABLE_PROPERTY_NAME
                + "=off runs the whole duration anyway.";
    }

    /** The first failure of the test's own code (an iteration's), else the first recorded, else null: the cause. */
    private static Throwable firstError(RunMetrics metrics) {
        List<ErrorSample> samples = metrics.errorSamples();
        return samples.stream().filter(sample -> sample.metric().equals(MetricNames.ITERATION)).findFirst()
                .or(() -> samples.stream().findFirst())
                .map(ErrorSample::failure).orElse(null);
    }
}
