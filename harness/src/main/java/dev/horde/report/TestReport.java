package dev.horde.report;

import dev.horde.engine.GeneratorWarmUp;
import dev.horde.engine.RunOutcome;
import dev.horde.plan.LoadPlan;
import dev.horde.verdict.Verdict;
import java.time.Instant;

/**
 * Everything known about one finished load test: the plan, what the run measured, and the verdict.
 *
 * @param plan the validated plan
 * @param outcome what the run measured and how it ended
 * @param verdict the budgets checked
 * @param startedAt wall-clock time the run started
 * @param threads the kind of thread users ran on, {@code virtual} or {@code platform}
 * @param generatorWarmUp what warmed the generator up before the run, or null if nothing did
 */
public record TestReport(LoadPlan plan, RunOutcome outcome, Verdict verdict, Instant startedAt, String threads,
        GeneratorWarmUp.Result generatorWarmUp) {

    /** Whether the test passes: every budget kept and the run not cut short. */
    public boolean passed() {
        return verdict.passed() && !outcome.interrupted();
    }

    /** Samples per second of a count over the measured window. */
    public double perSecond(long count) {
        double seconds = outcome.measuredWindow().toNanos() / 1e9;
        return seconds > 0 ? count / seconds : 0;
    }
}
