package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.baseline.Baseline;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A budget written as plain text fields, so that a report carries the budgets of its test and a merge of several
 * segments' reports can judge them again without the test's classes: {@code type} ({@code latency},
 * {@code errorRate}, {@code throughput}, {@code somethingSucceeds}, {@code regression}), {@code metric} and the
 * type's limits; {@code windowNanos} and {@code intervalNanos} for a budget over windows.
 */
@API(status = INTERNAL, since = "0.1")
public final class BudgetSpec {

    private BudgetSpec() {
    }

    /** The fields of {@code budget}, in a fixed order. */
    public static Map<String, String> of(Budget budget) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (budget instanceof LatencyLimit latency) {
            fields.put("type", "latency");
            fields.put("metric", latency.metric());
            fields.put("statistic", latency.statistic().attribute());
            fields.put("limitNanos", Long.toString(latency.limit().toNanos()));
        } else if (budget instanceof ErrorRateLimit errors) {
            fields.put("type", "errorRate");
            fields.put("metric", errors.metric());
            fields.put("maxRate", Double.toString(errors.maxRate()));
        } else if (budget instanceof ThroughputLimit throughput) {
            fields.put("type", "throughput");
            fields.put("metric", throughput.metric());
            fields.put("min", Double.toString(throughput.min()));
            fields.put("scaling", throughput.scaling());
        } else if (budget instanceof SomethingSucceeds) {
            fields.put("type", "somethingSucceeds");
        } else if (budget instanceof RegressionLimit regression) {
            fields.put("type", "regression");
            fields.put("metric", regression.metric());
            fields.put("statistic", regression.statistic() == null ? "" : regression.statistic().attribute());
            fields.put("allowed", Double.toString(regression.allowed()));
            fields.put("floorNanos", Long.toString(regression.floor().toNanos()));
        } else if (budget instanceof WindowedBudget windowed) {
            fields.putAll(of(windowed.budget()));
            fields.put("windowNanos", Long.toString(windowed.window().toNanos()));
            fields.put("intervalNanos", Long.toString(windowed.interval().toNanos()));
        }
        return fields;
    }

    /**
     * The budget {@code fields} describe; a regression limit compares with {@code baseline}, and is left out (empty)
     * without one.
     *
     * @throws IllegalArgumentException when the fields describe no budget
     */
    public static Optional<Budget> parse(Map<String, String> fields, Baseline baseline) {
        String metric = fields.getOrDefault("metric", "");
        Budget budget = switch (fields.getOrDefault("type", "")) {
            case "latency" -> new LatencyLimit(metric, statistic(fields), nanos(fields, "limitNanos"));
            case "errorRate" -> new ErrorRateLimit(metric, number(fields, "maxRate"));
            case "throughput" -> new ThroughputLimit(metric, number(fields, "min"), fields.getOrDefault("scaling", ""));
            case "somethingSucceeds" -> new SomethingSucceeds();
            case "regression" -> baseline == null ? null : new RegressionLimit(metric,
                    fields.getOrDefault("statistic", "").isEmpty() ? null : statistic(fields),
                    number(fields, "allowed"), nanos(fields, "floorNanos"), baseline);
            default -> throw new IllegalArgumentException("not a budget: " + fields);
        };
        if (budget != null && fields.containsKey("windowNanos")) {
            budget = new WindowedBudget(budget, nanos(fields, "windowNanos"), nanos(fields, "intervalNanos"));
        }
        return Optional.ofNullable(budget);
    }

    private static Statistic statistic(Map<String, String> fields) {
        String attribute = fields.getOrDefault("statistic", "");
        return Arrays.stream(Statistic.values()).filter(s -> s.attribute().equals(attribute)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a statistic: " + attribute));
    }

    private static Duration nanos(Map<String, String> fields, String name) {
        return Duration.ofNanos(Long.parseLong(fields.getOrDefault(name, "")));
    }

    private static double number(Map<String, String> fields, String name) {
        return Double.parseDouble(fields.getOrDefault(name, ""));
    }
}
