package dev.horde.plan;

import dev.horde.verdict.Budget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated load test: what to run, for how long, and the budgets that decide the verdict.
 *
 * @param testId fully qualified class name and method name, e.g. {@code com.example.BrowseTest.browse}
 * @param users concurrent virtual users, &gt; 0
 * @param duration length of the run, &gt; 0
 * @param rampUp time over which users start, at most {@code duration}
 * @param warmUp initial part of the run not counted, shorter than {@code duration}
 * @param iterations iterations per user, 0 for no limit
 * @param grace how long in-flight iterations may finish after the end before they are interrupted
 * @param requestTimeout default connect and read timeout of requests
 * @param threads the kind of thread users run on
 * @param seed the seed every user's random generator derives from; the same seed replays the same random choices
 * @param progressEvery how often a progress line is printed on long runs; zero for never
 * @param reportDirectory where the JSON summary goes
 * @param budgets the budgets, method-level first
 */
public record LoadPlan(
        String testId,
        int users,
        Duration duration,
        Duration rampUp,
        Duration warmUp,
        int iterations,
        Duration grace,
        Duration requestTimeout,
        ThreadKind threads,
        long seed,
        Duration progressEvery,
        Path reportDirectory,
        List<Budget> budgets) {

    /** {@code "50 users, 30s, ramp-up 5s, warm-up 2s"}: the shape of the run for messages. */
    public String describe() {
        StringBuilder text = new StringBuilder()
                .append(users).append(users == 1 ? " user, " : " users, ")
                .append(Durations.format(duration));
        if (!rampUp.isZero()) {
            text.append(", ramp-up ").append(Durations.format(rampUp));
        }
        if (!warmUp.isZero()) {
            text.append(", warm-up ").append(Durations.format(warmUp));
        }
        if (iterations > 0) {
            text.append(", ").append(iterations).append(iterations == 1 ? " iteration" : " iterations").append(" per user");
        }
        return text.toString();
    }
}
