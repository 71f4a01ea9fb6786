package dev.horde;

import dev.horde.engine.UserThreads;
import dev.horde.plan.Durations;
import dev.horde.plan.LoadModel;
import dev.horde.plan.LoadPlan;
import dev.horde.plan.Rates;
import dev.horde.plan.ThreadKind;
import dev.horde.verdict.Budget;
import dev.horde.verdict.ErrorRateLimit;
import dev.horde.verdict.LatencyLimit;
import dev.horde.verdict.SomethingSucceeds;
import dev.horde.verdict.Statistic;
import dev.horde.verdict.ThroughputLimit;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads a {@link LoadPlan} from a method's {@link LoadTest} and budget annotations and the {@code horde.*}
 * configuration parameters, and rejects every invalid value with a message naming where it is, the value and what
 * is allowed.
 */
final class PlanReader {

    private final Function<String, Optional<String>> configuration;

    /** A reader taking configuration parameters from {@code configuration} (key to value). */
    PlanReader(Function<String, Optional<String>> configuration) {
        this.configuration = configuration;
    }

    LoadPlan read(Class<?> testClass, Method method) {
        LoadTest annotation = AnnotationSupport.findAnnotation(method, LoadTest.class).orElseThrow();
        String where = "@LoadTest on method [" + Describe.method(method) + "]";

        List<Stage> declared = AnnotationSupport.findRepeatableAnnotations(method, Stage.class);
        Shape shape = declared.isEmpty() ? unstaged(annotation, where) : staged(annotation, where, declared, method);
        Setting warmUp = duration(where, "warmUp", annotation.warmUp(), LoadTest.WARM_UP_PROPERTY_NAME, Duration.ZERO);
        if (warmUp.value.compareTo(shape.duration) >= 0) {
            throw new LoadTestConfigurationException(where + ": " + warmUp + " is not shorter than " + shape.durationText
                    + "; the warm-up is not measured, so it must leave part of the run to measure.");
        }
        if (annotation.iterations() < 0) {
            throw new LoadTestConfigurationException(where + " must declare 'iterations' >= 0 (0 means no limit) but was ["
                    + annotation.iterations() + "].");
        }
        if (shape.model == LoadModel.OPEN && annotation.iterations() > 0) {
            throw new LoadTestConfigurationException(where + " declares both a rate and 'iterations' ["
                    + annotation.iterations() + "]: in the open model iterations arrive at the rate until the end;"
                    + " remove 'iterations'.");
        }
        Duration pacing = Duration.ZERO;
        if (!annotation.pacing().isBlank()) {
            pacing = parse(annotation.pacing(), where + " has 'pacing'");
            if (pacing.isZero()) {
                throw new LoadTestConfigurationException(where + " has 'pacing' [" + annotation.pacing()
                        + "], which must be > 0; leave it empty for back-to-back iterations.");
            }
            if (shape.model == LoadModel.OPEN) {
                throw new LoadTestConfigurationException(where + " declares both a rate and 'pacing' ["
                        + annotation.pacing() + "]: pacing spaces the iterations of each user in the closed model,"
                        + " a rate spaces all iterations in the open model; keep one.");
            }
        }
        Duration grace = parameterDuration(LoadTest.GRACE_PROPERTY_NAME, LoadTest.DEFAULT_GRACE);
        Duration requestTimeout = parameterDuration(LoadTest.REQUEST_TIMEOUT_PROPERTY_NAME, LoadTest.DEFAULT_REQUEST_TIMEOUT);
        if (requestTimeout.isZero()) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.REQUEST_TIMEOUT_PROPERTY_NAME
                    + "' must be > 0 but was [0s].");
        }
        Path reportDirectory = Path.of(configuration.apply(LoadTest.REPORT_DIR_PROPERTY_NAME)
                .filter(s -> !s.isBlank()).orElse(LoadTest.DEFAULT_REPORT_DIR).strip());
        List<Budget> budgets = new ArrayList<>();
        budgets(method, "method [" + Describe.method(method) + "]", budgets);
        for (Class<?> c = testClass; c != null; c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            budgets(c, "class [" + c.getSimpleName() + "]", budgets);
        }
        if (budgets.stream().noneMatch(ErrorRateLimit.class::isInstance)) {
            budgets.add(new SomethingSucceeds());
        }
        return new LoadPlan(testClass.getName() + "." + method.getName(), shape.users, shape.duration, shape.rampUp,
                warmUp.value, annotation.iterations(), grace, requestTimeout, threads(), seed(),
                parameterDuration(LoadTest.PROGRESS_PROPERTY_NAME, LoadTest.DEFAULT_PROGRESS), reportDirectory,
                List.copyOf(budgets), shape.model, shape.stages, !declared.isEmpty(), pacing, failWhenBehind(),
                ChaosReader.read(testClass, method), generatorWarmUp(testClass, method));
    }

    /**
     * The cap of the generator's warm-up: {@value LoadTest#GENERATOR_WARM_UP_PROPERTY_NAME}, at most a quarter of a
     * JUnit timeout of the test, since the warm-up runs within it.
     */
    private Duration generatorWarmUp(Class<?> testClass, Method method) {
        String property = LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME;
        String text = parameter(property).orElse(LoadTest.DEFAULT_GENERATOR_WARM_UP).strip();
        if (text.equalsIgnoreCase("off")) {
            return Duration.ZERO;
        }
        Duration cap = Durations.parse(text).filter(d -> !text.startsWith("-")).orElseThrow(() ->
                new LoadTestConfigurationException("configuration parameter '" + property + "' must be a duration, the"
                        + " longest the generator's warm-up may take (" + Durations.GRAMMAR + "), or off, but was ["
                        + text + "]."));
        Optional<Duration> timeout = JUnitTimeout.of(testClass, method, configuration);
        return timeout.map(t -> t.dividedBy(4)).filter(quarter -> quarter.compareTo(cap) < 0).orElse(cap);
    }

    /** Duration, ramp-up and users or rate from {@link LoadTest}'s attributes. */
    private Shape unstaged(LoadTest annotation, String where) {
        int users = users(annotation, where);
        Setting duration = duration(where, "duration", annotation.duration(), LoadTest.DURATION_PROPERTY_NAME, null);
        if (duration == null) {
            throw new LoadTestConfigurationException(where
                    + " must declare 'duration', the length of the run, e.g. duration = \"30s\", or @Stage annotations.");
        }
        if (duration.value.isZero()) {
            throw new LoadTestConfigurationException(where + ": " + duration + " must be > 0.");
        }
        Setting rampUp = duration(where, "rampUp", annotation.rampUp(), LoadTest.RAMP_UP_PROPERTY_NAME, Duration.ZERO);
        if (rampUp.value.compareTo(duration.value) > 0) {
            throw new LoadTestConfigurationException(where + ": " + rampUp + " is longer than " + duration
                    + "; users start within the run, so the ramp-up can be at most the duration.");
        }
        if (annotation.rate().isBlank()) {
            return new Shape(LoadModel.CLOSED, users, duration.value, duration.toString(), rampUp.value,
                    LoadPlan.ramp(users, duration.value, rampUp.value));
        }
        double rate = rate(annotation.rate(), where + " has 'rate'");
        Optional<String> override = parameter(LoadTest.RATE_PROPERTY_NAME);
        if (override.isPresent()) {
            rate = rate(override.get(), "configuration parameter '" + LoadTest.RATE_PROPERTY_NAME + "'");
        }
        return new Shape(LoadModel.OPEN, users, duration.value, duration.toString(), rampUp.value,
                LoadPlan.ramp(rate, duration.value, rampUp.value));
    }

    /** The shape of the {@link Stage}s on {@code method}: all users (closed) or all rates (open). */
    private Shape staged(LoadTest annotation, String where, List<Stage> declared, Method method) {
        if (!annotation.duration().isBlank() || !annotation.rampUp().isBlank()) {
            throw new LoadTestConfigurationException(where + " declares @Stage and '"
                    + (annotation.duration().isBlank() ? "rampUp" : "duration")
                    + "': the stages give the length and the ramps of the run; remove 'duration' and 'rampUp'.");
        }
        List<dev.horde.plan.Stage> stages = new ArrayList<>();
        Boolean open = null;
        Duration total = Duration.ZERO;
        for (int i = 0; i < declared.size(); i++) {
            Stage stage = declared.get(i);
            String at = "@Stage #" + (i + 1) + " on method [" + Describe.method(method) + "]";
            boolean givesRate = !stage.rate().isBlank();
            boolean givesUsers = stage.users() != -1;
            if (givesRate == givesUsers) {
                throw new LoadTestConfigurationException(at + (givesRate ? " sets both 'users' and 'rate'" : " sets"
                        + " neither 'users' nor 'rate'") + ": a stage gives users (closed model) or a rate (open model),"
                        + " e.g. @Stage(duration = \"30s\", users = 100).");
            }
            if (open != null && open != givesRate) {
                throw new LoadTestConfigurationException(at + " gives " + (givesRate ? "a rate" : "users")
                        + " but @Stage #1 gives " + (open ? "a rate" : "users")
                        + ": all stages of a test give users (closed model) or all give a rate (open model).");
            }
            open = givesRate;
            if (givesUsers && stage.users() < 0) {
                throw new LoadTestConfigurationException(at + " must declare 'users' >= 0 but was [" + stage.users() + "].");
            }
            Duration length = parse(stage.duration(), at + " has 'duration'");
            total = total.plus(length);
            stages.add(new dev.horde.plan.Stage(length, givesRate ? stageRate(stage.rate(), at + " has 'rate'") : stage.users()));
        }
        String where0 = "@Stage annotations on method [" + Describe.method(method) + "]";
        if (total.isZero()) {
            throw new LoadTestConfigurationException(where0 + " last [0s] in all: give at least one stage a duration > 0.");
        }
        double peak = stages.stream().mapToDouble(dev.horde.plan.Stage::target).max().orElse(0);
        if (peak == 0) {
            throw new LoadTestConfigurationException(where0 + " never rise above " + (open ? "a rate of 0" : "0 users")
                    + ": give at least one stage " + (open ? "a rate > 0." : "users > 0."));
        }
        String durationText = "the stages' [" + Durations.format(total) + "]";
        if (open) {
            Optional<String> override = parameter(LoadTest.RATE_PROPERTY_NAME);
            if (override.isPresent()) {
                double factor = rate(override.get(), "configuration parameter '" + LoadTest.RATE_PROPERTY_NAME + "'") / peak;
                stages.replaceAll(stage -> new dev.horde.plan.Stage(stage.duration(), stage.target() * factor));
            }
            if (!annotation.rate().isBlank()) {
                throw new LoadTestConfigurationException(where + " declares 'rate' and @Stage rates: the stages give the"
                        + " rate over time; remove 'rate'.");
            }
            return new Shape(LoadModel.OPEN, users(annotation, where), total, durationText, Duration.ZERO, List.copyOf(stages));
        }
        double factor = scaledUsers((int) Math.ceil(peak)) / Math.ceil(peak);
        stages.replaceAll(stage -> new dev.horde.plan.Stage(stage.duration(), Math.ceil(stage.target() * factor)));
        int users = (int) stages.stream().mapToDouble(dev.horde.plan.Stage::target).max().orElse(1);
        return new Shape(LoadModel.CLOSED, users, total, durationText, Duration.ZERO, List.copyOf(stages));
    }

    /** A rate above 0, or fails naming {@code origin}. */
    private static double rate(String text, String origin) {
        return Rates.parse(text).filter(rate -> rate > 0).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a rate: use " + Rates.GRAMMAR + "."));
    }

    /** A stage's rate: 0 or more (a stage may ramp down to nothing). */
    private static double stageRate(String text, String origin) {
        return Rates.parse(text).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a rate: use " + Rates.STAGE_GRAMMAR + "."));
    }

    private boolean failWhenBehind() {
        Optional<String> text = parameter(LoadTest.BEHIND_PROPERTY_NAME);
        if (text.isEmpty()) {
            return true;
        }
        return switch (text.get().strip().toLowerCase(Locale.ROOT)) {
            case "fail" -> true;
            case "warn" -> false;
            default -> throw new LoadTestConfigurationException("configuration parameter '"
                    + LoadTest.BEHIND_PROPERTY_NAME + "' must be one of fail, warn but was [" + text.get() + "].");
        };
    }

    private int users(LoadTest annotation, String where) {
        int users = annotation.users();
        Optional<String> override = parameter(LoadTest.USERS_PROPERTY_NAME);
        if (override.isPresent()) {
            users = parseInt(override.get()).filter(n -> n > 0).orElseThrow(() -> new LoadTestConfigurationException(
                    "configuration parameter '" + LoadTest.USERS_PROPERTY_NAME + "' must be a whole number > 0 but was ["
                            + override.get() + "]."));
        } else if (users <= 0) {
            throw new LoadTestConfigurationException(where + " must declare 'users' > 0 but was [" + users + "].");
        }
        return scaledByFactor(users);
    }

    /** The users of a staged closed-model test whose stages peak at {@code peak}, after the overrides. */
    private int scaledUsers(int peak) {
        Optional<String> override = parameter(LoadTest.USERS_PROPERTY_NAME);
        int users = peak;
        if (override.isPresent()) {
            users = parseInt(override.get()).filter(n -> n > 0).orElseThrow(() -> new LoadTestConfigurationException(
                    "configuration parameter '" + LoadTest.USERS_PROPERTY_NAME + "' must be a whole number > 0 but was ["
                            + override.get() + "]."));
        }
        return scaledByFactor(users);
    }

    private int scaledByFactor(int users) {
        Optional<String> factorText = parameter(LoadTest.USERS_FACTOR_PROPERTY_NAME);
        if (factorText.isPresent()) {
            double factor = parseDouble(factorText.get()).filter(f -> f > 0 && Double.isFinite(f))
                    .orElseThrow(() -> new LoadTestConfigurationException("configuration parameter '"
                            + LoadTest.USERS_FACTOR_PROPERTY_NAME + "' must be a number > 0, e.g. 0.1, but was ["
                            + factorText.get() + "]."));
            users = (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(users * factor)));
        }
        return users;
    }

    /** A duration from its override or the annotation attribute; {@code fallback} when neither is set. */
    private Setting duration(String where, String attribute, String annotated, String property, Duration fallback) {
        Optional<String> override = parameter(property);
        if (override.isPresent()) {
            return new Setting(parse(override.get(), "configuration parameter '" + property + "'"), null, property);
        }
        if (annotated.isBlank()) {
            return fallback == null ? null : new Setting(fallback, attribute, null);
        }
        return new Setting(parse(annotated, where + " has '" + attribute + "'"), attribute, null);
    }

    private Duration parameterDuration(String property, String fallback) {
        return parse(parameter(property).orElse(fallback), "configuration parameter '" + property + "'");
    }

    /**
     * The system under test that {@value LoadTest#TARGET_PROPERTY_NAME} names, if set.
     *
     * @throws LoadTestConfigurationException if it is not an absolute http or https URL
     */
    Optional<URI> target() {
        Optional<String> text = parameter(LoadTest.TARGET_PROPERTY_NAME);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(text.get().strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.TARGET_PROPERTY_NAME
                    + "' must be an absolute http or https URL, e.g. http://127.0.0.1:8080, but was [" + text.get()
                    + "].");
        }
        return Optional.of(uri);
    }

    private long seed() {
        Optional<String> text = parameter(LoadTest.SEED_PROPERTY_NAME);
        if (text.isEmpty()) {
            return new SplittableRandom().nextLong();
        }
        try {
            return Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.SEED_PROPERTY_NAME
                    + "' must be a whole number, as printed in a summary, but was [" + text.get() + "].");
        }
    }

    private ThreadKind threads() {
        Optional<String> text = parameter(LoadTest.THREADS_PROPERTY_NAME);
        if (text.isEmpty()) {
            return ThreadKind.AUTO;
        }
        ThreadKind kind;
        try {
            kind = ThreadKind.valueOf(text.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.THREADS_PROPERTY_NAME
                    + "' must be one of auto, virtual, platform but was [" + text.get() + "].");
        }
        if (kind == ThreadKind.VIRTUAL && !UserThreads.virtualThreadsAvailable()) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.THREADS_PROPERTY_NAME
                    + "' is [virtual], but this JVM (Java " + Runtime.version().feature()
                    + ") has no virtual threads: use Java 21 or later, or 'auto' or 'platform'.");
        }
        return kind;
    }

    private static void budgets(AnnotatedElement element, String where, List<Budget> budgets) {
        for (LatencyBudget budget : AnnotationSupport.findRepeatableAnnotations(element, LatencyBudget.class)) {
            latency(budget, "@LatencyBudget" + Describe.metric(budget.metric()) + " on " + where, budgets);
        }
        for (ErrorBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ErrorBudget.class)) {
            String at = "@ErrorBudget" + Describe.metric(budget.metric()) + " on " + where;
            double rate = budget.maxRate();
            if (!(rate >= 0 && rate <= 1)) {
                throw new LoadTestConfigurationException(at + " must declare 'maxRate' from 0 to 1 (0.01 is 1%) but was ["
                        + rate + "].");
            }
            budgets.add(new ErrorRateLimit(budget.metric().strip(), rate));
        }
        for (ThroughputBudget budget : AnnotationSupport.findRepeatableAnnotations(element, ThroughputBudget.class)) {
            String at = "@ThroughputBudget" + Describe.metric(budget.metric()) + " on " + where;
            if (!(budget.min() >= 0) || Double.isInfinite(budget.min())) {
                throw new LoadTestConfigurationException(at + " must declare 'min' >= 0 (requests per second) but was ["
                        + budget.min() + "].");
            }
            budgets.add(new ThroughputLimit(budget.metric().strip(), budget.min()));
        }
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
                parse(text, where + " has '" + statistic.attribute() + "'"))));
    }

    /** Parses {@code text}, or fails naming {@code origin}, which reads e.g. "@LoadTest on method [m()] has 'duration'". */
    private static Duration parse(String text, String origin) {
        if (text.strip().startsWith("-")) {
            throw new LoadTestConfigurationException(origin + " [" + text + "], which is negative: use "
                    + Durations.GRAMMAR + ".");
        }
        return Durations.parse(text).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a duration: use " + Durations.GRAMMAR + "."));
    }

    private Optional<String> parameter(String key) {
        return configuration.apply(key).filter(value -> !value.isBlank());
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> parseDouble(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The load over time, read from the annotations. */
    private record Shape(LoadModel model, int users, Duration duration, String durationText, Duration rampUp,
            List<dev.horde.plan.Stage> stages) {
    }

    /** A duration and where it came from: an annotation attribute or a configuration parameter. */
    private record Setting(Duration value, String attribute, String property) {

        /** {@code 'rampUp' [20s]} or {@code configuration parameter 'horde.rampUp' [20s]}. */
        @Override
        public String toString() {
            String origin = property != null ? "configuration parameter '" + property + "'" : "'" + attribute + "'";
            return origin + " [" + Durations.format(value) + "]";
        }
    }
}
