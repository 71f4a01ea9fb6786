package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.ErrorSample;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Every budget of a run checked against what the run measured. */
@API(status = INTERNAL, since = "0.1")
public record Verdict(List<BudgetResult> results) {

    /** Checks every budget; none is skipped. */
    public static Verdict of(List<Budget> budgets, RunMetrics metrics, Duration measuredWindow) {
        List<BudgetResult> results = new ArrayList<>();
        for (Budget budget : budgets) {
            results.addAll(budget.evaluate(metrics, measuredWindow));
        }
        return new Verdict(List.copyOf(results));
    }

    /**
     * The budgets of {@code plan} as they stand while the run goes on, measured for {@code measuredWindow}: all but
     * the regression limits, which compare whole runs and are judged once it is over; none for a segment.
     */
    public static Verdict soFar(LoadPlan plan, RunMetrics metrics, Duration measuredWindow) {
        if (!plan.segment().whole()) {
            return new Verdict(List.of()); // a segment's share says nothing of the budgets: its merge judges them
        }
        return of(plan.budgets().stream().filter(budget -> !(budget instanceof RegressionLimit)).toList(), metrics,
                measuredWindow);
    }

    /**
     * Checks every budget of {@code plan} against {@code outcome}, and the schedule too when iterations had intended
     * starts and a run that falls behind must fail.
     */
    public static Verdict of(LoadPlan plan, RunOutcome outcome) {
        Verdict budgets = of(plan.budgets(), outcome.metrics(), outcome.measuredWindow());
        if (outcome.schedule() == null || !plan.failWhenBehind()) {
            return budgets;
        }
        List<BudgetResult> results = new ArrayList<>(budgets.results());
        results.add(ScheduleCheck.of(plan, outcome.schedule(), outcome.metrics()));
        return new Verdict(List.copyOf(results));
    }

    /** This verdict and {@code more} results after its own. */
    public Verdict and(List<BudgetResult> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<BudgetResult> all = new ArrayList<>(results);
        all.addAll(more);
        return new Verdict(List.copyOf(all));
    }

    /**
     * {@code "1 of 2 budgets"}, {@code "1 implicit check"} or {@code "1 of 1 budget and 1 implicit check"}: the written
     * budgets broken out of all written, and the implicit checks broken, apart.
     */
    String brokenCount() {
        long written = results.stream().filter(r -> !r.implicit()).count();
        long writtenBroken = results.stream().filter(r -> !r.implicit() && !r.passed()).count();
        long implicitBroken = results.stream().filter(r -> r.implicit() && !r.passed()).count();
        String budgets = writtenBroken + " of " + written + (written == 1 ? " budget" : " budgets");
        String checks = implicitBroken + " implicit" + (implicitBroken == 1 ? " check" : " checks");
        if (implicitBroken == 0) {
            return budgets;
        }
        return writtenBroken == 0 ? checks : budgets + " and " + checks;
    }

    /** Whether every budget was kept. */
    public boolean passed() {
        return results.stream().allMatch(BudgetResult::passed);
    }

    /** The broken budgets, in declaration order. */
    public List<BudgetResult> breaches() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * What a failed test says: the {@link Diagnosis} when most requests failed, every breach with measured against
     * budget, then the first distinct errors.
     *
     * @param test how to name the test, e.g. {@code BrowseTest.browse}
     * @param shape the shape of the run, e.g. {@code 50 users, 30s}
     */
    public String failureMessage(String test, String shape, RunMetrics metrics) {
        List<BudgetResult> breaches = breaches();
        StringBuilder message = new StringBuilder();
        Diagnosis.of(metrics).ifPresent(diagnosis -> message.append(diagnosis).append('\n'));
        message.append(brokenCount()).append(" broken in ").append(test).append(" (").append(shape).append("):");
        for (BudgetResult breach : breaches) {
            message.append("\n  ").append(breach.shown());
        }
        List<ErrorSample> samples = metrics.errorSamples();
        if (!samples.isEmpty()) {
            message.append("\nFirst errors:");
            for (ErrorSample sample : samples) {
                message.append("\n  ").append(sample.metric()).append(": ").append(sample.cause());
            }
        }
        return message.toString();
    }
}
