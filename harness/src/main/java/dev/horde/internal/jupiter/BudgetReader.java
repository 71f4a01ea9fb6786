package dev.horde.internal.jupiter;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.ThroughputBudget;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.NamedTargets;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.ErrorRateLimit;
import dev.horde.internal.verdict.LatencyLimit;
import dev.horde.internal.verdict.SomethingSucceeds;
import dev.horde.internal.verdict.Statistic;
import dev.horde.internal.verdict.ThroughputLimit;
import dev.horde.internal.verdict.WindowedBudget;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
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
     * the minimum of throughput budgets too. {@code abortAll}: every budget stops the run when broken for good.
     */
    static Budgets read(Class<?> testClass, Method method, OptionalDouble usersFactor, NamedTargets targets,
            boolean abortAll) {
        Budgets budgets = new Budgets(new ArrayList<>(), new ArrayList<>());
        read(method, "method [" + ConfigurationErrors.method(method) + "]", budgets, usersFactor, targets, abortAll);
        for (Class<?> c = testClass; c != null; c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            read(c, "class [" + c.getSimpleName() + "]", budgets, usersFactor, targets, abortAll);
        }
        if (budgets.all().stream().noneMatch(BudgetReader::judgesErrors)) {
            budgets.all().add(new SomethingSucceeds());
        }
        return new Budgets(List.copyOf(budgets.all()), List.copyOf(budgets.abortOn()));
    }

    /**
     * The budgets of a load test, and those of them whose breach stops the run.
     *
     * @param all every budget, method-level first
     * @param abortOn the budgets that stop the run when broken for good
     */
    record Budgets(List<Budget> all, List<Budget> abortOn) {

        void add(Budget budget, boolean abort) {
            all.add(budget);
            if (abort) {
                abortOn.add(budget);
            }
        }
    }

    private static boolean judgesErrors(Budget budget) {
        return budget instanceof ErrorRateLimit
                || budget instanceof WindowedBudget windowed && windowed.budget() instanceof ErrorRateLimit;
    }

    private static void read(AnnotatedElement element, String where, Budgets budgets, OptionalDouble usersFactor,
            NamedTargets targets, boolean abortAll) {
        for (LatencyBudget budget : AnnotationSupport.findRepeatableAnnotations(element, LatencyBudget.class)) {
            String at = "@LatencyBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            Duration window = window(budget.window(), at);
            for (Budget limit : latency(budget, at)) {
                budgets.add(windowed(limit, window), abortAll || budget.abortOnBreach());
            }
        }
        for (ErrorBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ErrorBudget.class)) {
            String at = "@ErrorBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            double rate = budget.maxRate();
            if (!(rate >= 0 && rate <= 1)) {
                throw new LoadTestConfigurationException(at + " must declare 'maxRate' from 0 to 1 (0.01 is 1%) but was ["
                        + rate + "].");
            }
            budgets.add(windowed(new ErrorRateLimit(budget.metric().strip(), rate), window(budget.window(), at)),
                    abortAll || budget.abortOnBreach());
        }
        for (ThroughputBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ThroughputBudget.class)) {
            String at = "@ThroughputBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + where;
            checkTarget(at, budget.metric(), targets);
            if (!(budget.min() >= 0) || Double.isInfinite(budget.min())) {
                throw new LoadTestConfigurationException(at + " must declare 'min' >= 0 (requests per second) but was ["
                        + budget.min() + "].");
            }
            Budget limit = usersFactor.isEmpty() ? new ThroughputLimit(budget.metric().strip(), budget.min(), "")
                    : new ThroughputLimit(budget.metric().strip(), budget.min() * usersFactor.getAsDouble(),
                            Format.exact(budget.min()) + "/s × " + LoadTest.USERS_FACTOR_PROPERTY_NAME + "="
                                    + Format.exact(usersFactor.getAsDouble()));
            budgets.add(windowed(limit, window(budget.window(), at)), abortAll || budget.abortOnBreach());
        }
    }

    /** The window of a budget's {@code window} attribute; null for the whole run. */
    private static Duration window(String text, String at) {
        if (text.isBlank()) {
            return null;
        }
        Duration window = ValueParsers.duration(text, at + " has 'window'");
        if (window.compareTo(LoadRun.INTERVAL) < 0) {
            throw new LoadTestConfigurationException(at + " has 'window' [" + text + "], shorter than "
                    + Durations.format(LoadRun.INTERVAL) + ": a window is made of the run's seconds; set at least \"1s\","
                    + " or leave it empty to judge the whole run.");
        }
        return window;
    }

    private static Budget windowed(Budget budget, Duration window) {
        return window == null ? budget : new WindowedBudget(budget, window, LoadRun.INTERVAL);
    }

    /** A budget on {@code auth: GET /x} needs a target named {@code auth}. */
    private static void checkTarget(String at, String metric, NamedTargets targets) {
        NamedTargets.named(metric.strip()).filter(name -> targets.uri(name).isEmpty()).ifPresent(name -> {
            throw new LoadTestConfigurationException(at + " names the target [" + name + "], which is not configured:"
                    + " set " + LoadTest.TARGET_PROPERTY_NAME + "." + name + "=http://host:port (-D or"
                    + " junit-platform.properties); configured targets: " + targets.names() + ".");
        });
    }

    /** The statistics an annotation sets a limit on, in order, with their texts; blank attributes left out. */
    static Map<Statistic, String> statistics(String p50, String p90, String p95, String p99, String p999, String max,
            String mean) {
        Map<Statistic, String> limits = new EnumMap<>(Statistic.class);
        limits.put(Statistic.P50, p50);
        limits.put(Statistic.P90, p90);
        limits.put(Statistic.P95, p95);
        limits.put(Statistic.P99, p99);
        limits.put(Statistic.P999, p999);
        limits.put(Statistic.MAX, max);
        limits.put(Statistic.MEAN, mean);
        limits.values().removeIf(String::isBlank);
        return limits;
    }

    private static List<Budget> latency(LatencyBudget budget, String where) {
        Map<Statistic, String> limits = statistics(budget.p50(), budget.p90(), budget.p95(), budget.p99(),
                budget.p999(), budget.max(), budget.mean());
        if (limits.isEmpty()) {
            throw new LoadTestConfigurationException(where + " sets no limit: set at least one of p50, p90, p95, p99, "
                    + "p999, max, mean, e.g. p95 = \"250ms\".");
        }
        List<Budget> budgets = new ArrayList<>();
        limits.forEach((statistic, text) -> budgets.add(new LatencyLimit(budget.metric().strip(), statistic,
                ValueParsers.duration(text, where + " has '" + statistic.attribute() + "'"))));
        return budgets;
    }
}
