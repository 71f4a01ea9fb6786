package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The fraction of failed samples of a metric must not exceed a limit. Empty metric: all requests together (when
 * any were made) and, separately, whole iterations and each once-per-user metric ({@code user setup}, …).
 */
@API(status = INTERNAL, since = "0.1")
public record ErrorRateLimit(String metric, double maxRate) implements Budget {


    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        if (!metric.isEmpty()) {
            return List.of(check(metrics, metric));
        }
        List<BudgetResult> results = new ArrayList<>(2);
        if (metrics.allRequests() != null) {
            results.add(check(metrics, MetricNames.ALL_REQUESTS));
        }
        results.add(check(metrics, MetricNames.ITERATION));
        for (MetricSnapshot lifecycle : metrics.ofKind(MetricKind.LIFECYCLE)) {
            results.add(check(metrics, lifecycle.name()));
        }
        return results;
    }

    private BudgetResult check(RunMetrics metrics, String name) {
        String subject = "error rate of " + name;
        String description = subject + " <= " + Format.percent(maxRate);
        Optional<MetricSnapshot> found = metrics.find(name);
        if (found.isEmpty()) {
            return new BudgetResult(description, name, BudgetResult.Quantity.ERROR_RATE, null, Double.NaN, maxRate, false,
                    subject + ": no samples, budget " + Format.percent(maxRate) + " ("
                            + Budget.recordedNames(metrics, name) + ")");
        }
        MetricSnapshot snapshot = found.get();
        double rate = snapshot.errorRate();
        String message = subject + " was " + Format.percent(rate) + " (" + Format.count(snapshot.failed()) + " of "
                + Format.count(snapshot.count()) + "), budget " + Format.percent(maxRate) + causes(snapshot.errors());
        return new BudgetResult(description, name, BudgetResult.Quantity.ERROR_RATE, null, rate, maxRate,
                rate <= maxRate, message);
    }

    private static String causes(Map<String, Long> errors) {
        return errors.isEmpty() ? "" : " — " + FailureCause.summary(errors);
    }
}
