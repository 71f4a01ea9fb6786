package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The budget of a load test that declares no error budget: at least one request succeeds (when the test makes
 * requests) and at least one iteration does. A run in which nothing succeeds measured a dead target or a broken test,
 * never the target's performance, so it fails; {@code @ErrorBudget(maxRate = 1)} allows even that.
 */
@API(status = INTERNAL, since = "0.1")
public record SomethingSucceeds() implements Budget {

    private static final String DESCRIPTION = "some requests and iterations succeed (no @ErrorBudget declared)";

    @Override
    public String metric() {
        return "";
    }

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        MetricSnapshot requests = metrics.allRequests();
        MetricSnapshot iterations = metrics.iteration();
        boolean requestsOk = requests == null || requests.ok() > 0;
        boolean iterationsOk = iterations.ok() > 0;
        List<String> parts = new ArrayList<>(2);
        if (requests != null) {
            parts.add(part(requests, "request"));
        }
        parts.add(part(iterations, "iteration"));
        String message = String.join(", ", parts)
                + (requestsOk && iterationsOk ? "" : "; with no @ErrorBudget a run fails when nothing succeeds");
        String name = requestsOk ? MetricNames.ITERATION : MetricNames.ALL_REQUESTS;
        return List.of(new BudgetResult(DESCRIPTION, name, BudgetResult.Quantity.SUCCEEDED, null,
                requestsOk && iterationsOk ? 1 : 0, 1, requestsOk && iterationsOk, message));
    }

    private static String part(MetricSnapshot subject, String unit) {
        if (subject.count() == 0) {
            return "no " + unit + " ran";
        }
        return subject.ok() == 0
                ? "no " + unit + " succeeded (0 of " + Format.count(subject.count()) + ")"
                : Format.count(subject.ok()) + " of " + Format.count(subject.count()) + " " + unit + "s succeeded";
    }
}
