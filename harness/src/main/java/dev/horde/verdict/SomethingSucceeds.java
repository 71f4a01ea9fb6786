package dev.horde.verdict;

import dev.horde.metrics.Format;
import dev.horde.metrics.MetricRegistry;
import dev.horde.metrics.MetricSnapshot;
import dev.horde.metrics.RunMetrics;
import java.time.Duration;
import java.util.List;

/**
 * The budget of a load test that declares no error budget: at least one request succeeds (or, in a test that makes
 * none, one iteration). A run in which nothing succeeds measured a dead target or a broken test, never the target's
 * performance, so it fails; {@code @ErrorBudget(maxRate = 1)} allows even that.
 */
public record SomethingSucceeds() implements Budget {

    @Override
    public String metric() {
        return "";
    }

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        boolean requests = metrics.allRequests() != null;
        MetricSnapshot subject = requests ? metrics.allRequests() : metrics.iteration();
        String unit = requests ? "request" : "iteration";
        String name = requests ? MetricRegistry.ALL_REQUESTS : MetricRegistry.ITERATION;
        String description = "at least one " + unit + " succeeds (no @ErrorBudget declared)";
        long ok = subject.ok();
        String message = ok > 0
                ? Format.count(ok) + " of " + Format.count(subject.count()) + " " + unit + "s succeeded"
                : subject.count() == 0
                        ? "no iteration ran; with no @ErrorBudget a run fails when nothing succeeds"
                        : "no " + unit + " succeeded (0 of " + Format.count(subject.count()) + "); with no @ErrorBudget"
                                + " a run fails when nothing succeeds";
        return List.of(new BudgetResult(description, name, ok, 1, "count", ok > 0, message));
    }
}
