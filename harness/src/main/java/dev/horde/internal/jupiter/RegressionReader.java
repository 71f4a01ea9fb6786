package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.RegressionBudget;
import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.RegressionLimit;
import dev.horde.internal.verdict.SomethingSucceeds;
import dev.horde.internal.verdict.Statistic;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the {@link RegressionBudget}s of a load test and the baseline they compare with: every value is checked first,
 * then the baseline is read and its plan compared with this one, all before any user starts.
 */
final class RegressionReader {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

    private RegressionReader() {
    }

    /** {@code plan} with its regression budgets added, or with a notice saying why they are not judged. */
    static LoadPlan apply(LoadPlan plan, Class<?> testClass, Method method, HordeConfiguration configuration) {
        List<Spec> specs = new ArrayList<>();
        read(method, "method [" + ConfigurationErrors.method(method) + "]", specs);
        for (Class<?> c = testClass; c != null; c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            read(c, "class [" + c.getSimpleName() + "]", specs);
        }
        if (specs.isEmpty()) {
            return plan;
        }
        if (!plan.segment().whole()) { // judged on the merge of the segments, against the baseline the merge is given
            return plan.toBuilder().budgets(withLimits(plan, specs, null)).build();
        }
        String where = specs.get(0).where();
        String notice = null;
        Optional<Baseline> baseline = Optional.empty();
        if (configuration.baseline().isEmpty()) {
            notice = "no baseline to compare with: set -D" + LoadTest.BASELINE_PROPERTY_NAME + "=<the report directory"
                    + " of an earlier run>";
        } else {
            Path directory = configuration.baseline().get();
            try {
                baseline = Baseline.read(directory, plan.testId());
            } catch (IOException e) {
                throw new LoadTestConfigurationException(where + " cannot read its baseline in " + directory + ": "
                        + e.getMessage() + ".", e);
            }
            if (baseline.isEmpty()) {
                notice = "no baseline of " + plan.testName() + " in " + directory + " (no " + plan.testId()
                        + ".json there)";
            }
        }
        if (notice != null) {
            if (configuration.failWithoutBaseline()) {
                throw new LoadTestConfigurationException(where + " has " + notice + "; "
                        + LoadTest.BASELINE_MISSING_PROPERTY_NAME + "=fail makes that an error.");
            }
            return plan.toBuilder().baseline(notice + "; " + specs.size() + (specs.size() == 1 ? " limit" : " limits")
                    + " not judged", configuration.baselineRecord().orElse(null)).build();
        }
        Baseline found = baseline.get();
        found.differences(plan).ifPresent(differences -> {
            throw new LoadTestConfigurationException(where + ": the baseline in " + found.directory()
                    + " ran another plan (" + differences + "): compare with a run of this plan, or record a new"
                    + " baseline with -D" + LoadTest.BASELINE_RECORD_PROPERTY_NAME + ".");
        });
        return plan.toBuilder().budgets(withLimits(plan, specs, found))
                .baseline(null, configuration.baselineRecord().orElse(null)).build();
    }

    /** The plan's budgets with a limit of each spec against {@code baseline}, before the implicit check. */
    private static List<Budget> withLimits(LoadPlan plan, List<Spec> specs, Baseline baseline) {
        List<Budget> budgets = new ArrayList<>(plan.budgets());
        int beforeImplicit = budgets.stream().anyMatch(SomethingSucceeds.class::isInstance) ? budgets.size() - 1
                : budgets.size(); // the implicit check stays last
        specs.forEach(spec -> budgets.add(beforeImplicit + specs.indexOf(spec), new RegressionLimit(spec.metric(),
                spec.statistic(), spec.allowed(), spec.floor(), baseline)));
        return budgets;
    }

    /** One limit read from an annotation: a statistic (null: throughput) and its allowance. */
    private record Spec(String where, String metric, Statistic statistic, double allowed, Duration floor) {
    }

    private static void read(AnnotatedElement element, String on, List<Spec> specs) {
        for (RegressionBudget budget : AnnotationSupport.findRepeatableAnnotations(element, RegressionBudget.class)) {
            String where = "@RegressionBudget" + ConfigurationErrors.metric(budget.metric()) + " on " + on;
            Duration floor = ValueParsers.duration(budget.floor(), where + " has 'floor'");
            Map<Statistic, String> limits = BudgetReader.statistics(budget.p50(), budget.p90(), budget.p95(),
                    budget.p99(), budget.p999(), "", budget.mean()); // a maximum is one sample: no regression of it
            if (limits.isEmpty() && budget.throughput().isBlank()) {
                throw new LoadTestConfigurationException(where + " sets no limit: set at least one of p50, p90, p95,"
                        + " p99, p999, mean, throughput, e.g. p95 = \"10%\".");
            }
            String metric = budget.metric().strip();
            limits.forEach((statistic, text) -> specs.add(new Spec(where, metric, statistic,
                    percent(text, where + " has '" + statistic.attribute() + "'"), floor)));
            if (!budget.throughput().isBlank()) {
                specs.add(new Spec(where, metric, null, percent(budget.throughput(), where + " has 'throughput'"),
                        floor));
            }
        }
    }

    /** {@code "10%"} as 0.1. */
    private static double percent(String text, String origin) {
        Matcher matcher = PERCENT.matcher(text.strip());
        if (!matcher.matches()) {
            throw new LoadTestConfigurationException(origin + " [" + text + "], which is not a percentage: use a"
                    + " number and %, e.g. \"10%\".");
        }
        return Double.parseDouble(matcher.group(1)) / 100;
    }
}
