package dev.horde.internal.jupiter;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.ThroughputBudget;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.NamedTargets;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.ErrorRateLimit;
import dev.horde.internal.verdict.LatencyLimit;
import dev.horde.internal.verdict.SomethingSucceeds;
import dev.horde.internal.verdict.Statistic;
import dev.horde.internal.verdict.ThroughputLimit;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the budgets of a load test: those on the method first, then those on its class and the classes enclosing a
 * {@link Nested} one; without an {@link ErrorBudget}, a run must have something succeed.
 */
final class BudgetReader {

    private BudgetReader() {
    }

    /**
     * The budgets of {@code method}; a {@code horde.users.factor} ({@code usersFactor}) scales the load, so it scales
     * the minimum of throughput budgets too.
     */
    static List<Budget> read(Class<?> testClass, Method method, OptionalDouble usersFactor, NamedTargets targets) {
        List<Budget> budgets = new ArrayList<>();
        read(method, "method [" + ConfigurationErrors.method(method) + "]", budgets, usersFactor, targets);
        for (Class<?> c = testClass; c != null; c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            read(c, "class [" + c.getSimpleName() + "]", budgets, usersFactor, targets);
        }
        if (budgets.stream().noneMatch(ErrorRateLimit.class::isInstance)) {
            budgets.add(new SomethingSucceeds());
        }
        return List.copyOf(budgets);
    }

    private static void read(AnnotatedElement element, String where, List<Budget> budgets, OptionalDouble usersFactor,
            NamedTargets targets) {
        for (LatencyBudget budget : AnnotationSupport.findRepeatableAnnotations(element, LatencyBudget.class)) {
            String at = "@LatencyBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            latency(budget, at, budgets);
        }
        for (ErrorBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ErrorBudget.class)) {
            String at = "@ErrorBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            double rate = budget.maxRate();
            if (!(rate >= 0 && rate <= 1)) {
                throw new LoadTestConfigurationException(at + " must declare 'maxRate' from 0 to 1 (0.01 is 1%) but was ["
                        + rate + "].");
            }
            budgets.add(new ErrorRateLimit(budget.metric().strip(), rate));
        }
        for (ThroughputBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ThroughputBudget.class)) {
            String at = "@ThroughputBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            if (!(budget.min() >= 0) || Double.isInfinite(budget.min())) {
                throw new LoadTestConfigurationException(at + " must declare 'min' >= 0 (requests per second) but was ["
                        + budget.min() + "].");
            }
            budgets.add(usersFactor.isEmpty() ? new ThroughputLimit(budget.metric().strip(), budget.min(), "")
                    : new ThroughputLimit(budget.metric().strip(), budget.min() * usersFactor.getAsDouble(),
                            Format.exact(budget.min()) + "/s × " + LoadTest.USERS_FACTOR_PROPERTY_NAME + "="
                                    + Format.exact(usersFactor.getAsDouble())));
        }
    }

    /** A budget on {@code auth: GET /x} needs a target named {@code auth}. */
    private static void checkTarget(String at, String metric, NamedTargets targets) {
        NamedTargets.named(metric.strip()).filter(name -> targets.uri(name).isEmpty()).ifPresent(name -> {
            throw new LoadTestConfigurationException(at + " names the target [" + name + "], which is not configured:"
                    + " set " + LoadTest.TARGET_PROPERTY_NAME + "." + name + "=http://host:port (-D or"
                    + " junit-platform.properties); configured targets: " + targets.names() + ".");
        });
    }

    private static void latency(LatencyBudget budget, String where, List<Budget> budgets) {
        Map<Statistic, String> limits = new EnumMap<>(Statistic.class);
        limits.put(Statistic.P50, budget.p50());
        limits.put(Statistic.P90, budget.p90());
        limits.put(Statistic.P95, budget.p95());
        limits.put(Statistic.P99, budget.p99());
        limits.put(Statistic.P999, budget.p999());
        limits.put(Statistic.MAX, budget.max());
        limits.put(Statistic.MEAN, budget.mean());
        limits.values().removeIf(String::isBlank);
        if (limits.isEmpty()) {
            throw new LoadTestConfigurationException(where + " sets no limit: set at least one of p50, p90, p95, p99, "
                    + "p999, max, mean, e.g. p95 = \"250ms\".");
        }
        limits.forEach((statistic, text) -> budgets.add(new LatencyLimit(budget.metric().strip(), statistic,
                ValueParsers.duration(text, where + " has '" + statistic.attribute() + "'"))));
    }
}
