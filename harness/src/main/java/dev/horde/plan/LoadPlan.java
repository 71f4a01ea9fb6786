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
 * @param model closed (users) or open (arrival rate)
 * @param stages the load over time: users (closed) or iterations per second (open); never empty
 * @param declaredStages whether the stages were declared (rather than derived from duration and ramp-up)
 * @param pacing closed model: the interval at which each user starts iterations, zero for none
 * @param failWhenBehind whether a run that fell behind its schedule fails (otherwise it warns)
 * @param chaos what bad clients the users are; {@link ChaosPlan#NONE} for good ones
 * @param generatorWarmUp how long the test's own iterations may warm the load generator up before the clock starts
 *     (the generator's warm-up, apart from {@code warmUp}); zero for none
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
        List<Budget> budgets,
        LoadModel model,
        List<Stage> stages,
        boolean declaredStages,
        Duration pacing,
        boolean failWhenBehind,
        ChaosPlan chaos,
        Duration generatorWarmUp) {

    /** Late beyond this, an iteration counts as late: its schedule was not kept. */
    public static final Duration LATE = Duration.ofMillis(25);

    /**
     * A closed-model plan: {@code users} start evenly over {@code rampUp} and stay to the end, unpaced, with no
     * generator warm-up.
     */
    public LoadPlan(String testId, int users, Duration duration, Duration rampUp, Duration warmUp, int iterations,
            Duration grace, Duration requestTimeout, ThreadKind threads, long seed, Duration progressEvery,
            Path reportDirectory, List<Budget> budgets) {
        this(testId, users, duration, rampUp, warmUp, iterations, grace, requestTimeout, threads, seed, progressEvery,
                reportDirectory, budgets, LoadModel.CLOSED, ramp(users, duration, rampUp), false, Duration.ZERO, true,
                ChaosPlan.NONE, Duration.ZERO);
    }

    /** Stages that ramp to {@code level} over {@code rampUp} and hold it to the end of {@code duration}. */
    public static List<Stage> ramp(double level, Duration duration, Duration rampUp) {
        return List.of(new Stage(rampUp, level), new Stage(duration.minus(rampUp), level));
    }

    /** The load over time. */
    public LoadShape shape() {
        return new LoadShape(stages);
    }

    /** Whether iterations have intended start times (open model or paced users), so lateness is measured. */
    public boolean scheduled() {
        return model == LoadModel.OPEN || !pacing.isZero();
    }

    /**
     * {@code "50 users, 30s, ramp-up 5s, warm-up 2s"} or {@code "200/s, pool of 50 users, 1m"}: the shape of the run
     * for messages.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (model == LoadModel.OPEN) {
            text.append(declaredStages ? "open model" : Rates.format(stages.get(stages.size() - 1).target()))
                    .append(", pool of ").append(users).append(users == 1 ? " user, " : " users, ");
        } else {
            text.append(users).append(users == 1 ? " user, " : " users, ");
        }
        text.append(Durations.format(duration));
        if (declaredStages) {
            text.append(", stages");
            String separator = " ";
            for (Stage stage : stages) {
                text.append(separator).append(Durations.format(stage.duration())).append(" → ")
                        .append(model == LoadModel.OPEN ? Rates.format(stage.target()) : format(stage.target()));
                separator = ", ";
            }
        } else if (!rampUp.isZero()) {
            text.append(", ramp-up ").append(Durations.format(rampUp));
        }
        if (!pacing.isZero()) {
            text.append(", pacing ").append(Durations.format(pacing));
        }
        if (!warmUp.isZero()) {
            text.append(", warm-up ").append(Durations.format(warmUp));
        }
        if (iterations > 0) {
            text.append(", ").append(iterations).append(iterations == 1 ? " iteration" : " iterations").append(" per user");
        }
        if (chaos.on()) {
            text.append(", chaos: ").append(chaos.describe());
        }
        return text.toString();
    }

    private static String format(double users) {
        return users == Math.rint(users) ? Long.toString((long) users) : Double.toString(users);
    }
}
