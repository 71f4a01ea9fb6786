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
        message.append(breaches.size()).append(" of ").append(results.size())
                .append(results.size() == 1 ? " budget" : " budgets").append(" broken in ")
                .append(test).append(" (").append(shape).append("):");
        for (BudgetResult breach : breaches) {
            message.append("\n  ").append(breach.message());
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
