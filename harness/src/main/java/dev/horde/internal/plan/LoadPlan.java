package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.container.ContainerTarget;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Secrets;
import dev.horde.internal.prometheus.TargetQuery;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.RegressionLimit;
import dev.horde.internal.verdict.WindowedBudget;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A validated load test: what to run, for how long, and the budgets that decide the verdict.
 *
 * @param testId fully qualified class name and method name, e.g. {@code com.example.BrowseTest.browse}
 * @param users concurrent virtual users, &gt; 0
 * @param duration length of the run, &gt; 0
 * @param rampUp time over which users start, at most {@code duration}
 * @param warmUp initial part of the run not counted, shorter than {@code duration}
 * @param iterations iterations per user, 0 for no limit
 * @param grace how long in-flight iterations may finish after the end before they are interrupted
 * @param requestTimeout default connect and read timeout of requests
 * @param threads the kind of thread users run on
 * @param seed the seed every user's random generator derives from; the same seed replays the same random choices
 * @param progressEvery how often a progress line is printed on long runs; zero for never
 * @param reportDirectory where the JSON summary goes
 * @param junitDirectory where the JUnit XML report with a test case per budget goes; null for none
 * @param budgets the budgets, method-level first
 * @param model closed (users) or open (arrival rate)
 * @param stages the load over time: users (closed) or iterations per second (open); never empty
 * @param declaredStages whether the stages were declared (rather than derived from duration and ramp-up)
 * @param pacing closed model: the interval at which each user starts iterations, zero for none
 * @param failWhenBehind whether a run that fell behind its schedule fails (otherwise it warns)
 * @param failWhenInconclusive whether a run whose generator was the limit fails when a budget broke (otherwise the
 *     test is aborted as inconclusive)
 * @param chaos what bad clients the users are; {@link ChaosPlan#NONE} for good ones
 * @param generatorWarmUp how long the test's own iterations may warm the load generator up before the clock starts
 *     (the generator's warm-up, apart from {@code warmUp}); zero for none
 * @param target the service the users' clients reach by default; null when none is configured
 * @param controller the {@code UserController} type that chooses each iteration's step; null when each iteration is a
 *     call of the test method
 * @param unreachableStop how long the run goes on while every request finds the target unreachable; zero: to the end
 * @param adjustments the settings the run uses other than the annotations wrote them, e.g. overridden users
 * @param targetQueries the system under test's metrics read from Prometheus, in declaration order
 * @param prometheusUrl the Prometheus server the target queries ask; null when none is configured
 * @param namedTargets the services users reach by name besides {@code target}
 * @param containers the targets that run in containers, whose resources are sampled during the run
 * @param tracing whether requests carry a W3C {@code traceparent}, each iteration a trace
 * @param traceLink a link to a trace in the user's tracing UI with {@code {traceId}} in it; null when none
 * @param abortOn the budgets whose breach for good stops the run early, some of {@code budgets}
 * @param abortAfter how much of the measured run passes before a breach may stop it
 * @param baselineNotice why the regression budgets were not judged (no baseline configured or found); null when they
 *     were, or when the test has none
 * @param baselineRecord where the summary and log are copied to as a baseline; null for nowhere
 * @param capacity the capacity search the stages make; null for an ordinary load test
 * @param segment the share of the plan this JVM runs; {@link Segment#WHOLE} when it runs all of it
 * @param startAt the wall-clock instant the run starts at, common to every segment; null to start at once
 */
@API(status = INTERNAL, since = "0.1")
public record LoadPlan(
        String testId,
        int users,
        Duration duration,
        Duration rampUp,
        Duration warmUp,
        int iterations,
        Duration grace,
        Duration requestTimeout,
        ThreadKind threads,
        long seed,
        Duration progressEvery,
        Path reportDirectory,
        Path junitDirectory,
        List<Budget> budgets,
        LoadModel model,
        List<PlannedStage> stages,
        boolean declaredStages,
        Duration pacing,
        boolean failWhenBehind,
        boolean failWhenInconclusive,
        ChaosPlan chaos,
        Duration generatorWarmUp,
        URI target,
        Class<?> controller,
        Duration unreachableStop,
        List<Adjustment> adjustments,
        List<TargetQuery> targetQueries,
        URI prometheusUrl,
        NamedTargets namedTargets,
        List<ContainerTarget> containers,
        boolean tracing,
        String traceLink,
        List<Budget> abortOn,
        Duration abortAfter,
        String baselineNotice,
        Path baselineRecord,
        CapacityPlan capacity,
        Segment segment,
        Instant startAt) {

    /** Late beyond this, an iteration counts as late: its schedule was not kept. */
    public static final Duration LATE = Duration.ofMillis(25);

    /** Stages that ramp to {@code level} over {@code rampUp} and hold it to the end of {@code duration}. */
    public static List<PlannedStage> ramp(double level, Duration duration, Duration rampUp) {
        return List.of(new PlannedStage(rampUp, level), new PlannedStage(duration.minus(rampUp), level));
    }

    /** The baseline run the regression budgets compare with; empty when the test has none or none was found. */
    public Optional<Baseline> baseline() {
        return budgets.stream().filter(RegressionLimit.class::isInstance)
                .map(budget -> ((RegressionLimit) budget).baseline()).filter(Objects::nonNull).findFirst();
    }

    /**
     * The metrics whose intervals the windowed budgets judge, the regression budgets compare and a capacity search's
     * steps are judged on; empty without such budgets.
     */
    public Set<String> intervalMetrics() {
        Set<String> names = new TreeSet<>();
        for (Budget budget : budgets) {
            if (budget instanceof WindowedBudget windowed) {
                names.addAll(windowed.metricNames());
            } else if (budget instanceof RegressionLimit regression) {
                names.add(regression.metric().isEmpty() ? MetricNames.ALL_REQUESTS : regression.metric());
            } else if (capacity != null) {
                names.add(budget.metric().isEmpty() ? MetricNames.ALL_REQUESTS : budget.metric());
            }
        }
        if (capacity != null) { // every budget is judged on each step, and each step's figures are reported
            names.add(MetricNames.ALL_REQUESTS);
            names.add(MetricNames.ITERATION);
        }
        return names;
    }

    /** A plan for {@code testId} with the defaults of {@code @LoadTest} (one user, closed model, no budgets). */
    public static Builder builder(String testId) {
        return new Builder(testId);
    }

    /** A builder holding this plan's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@code BrowseTest.browse}: the test's simple class name and method, as the console names it. */
    public String testName() {
        int method = testId.lastIndexOf('.');
        String type = testId.substring(0, method);
        int simple = Math.max(type.lastIndexOf('.'), type.lastIndexOf('$'));
        return testId.substring(simple + 1);
    }

    /**
     * The targets as reports show them, credentials and secret parameters masked: the default one's URL (or "none
     * configured"), then the named ones, {@code http://127.0.0.1:8080; auth http://127.0.0.1:8081}.
     */
    public String targetText() {
        String text = target == null ? "none configured" : Secrets.mask(target);
        text = namedTargets.byName().isEmpty() ? text
                : (target == null ? "" : text + "; ") + namedTargets.describe();
        return containers.isEmpty() ? text : text + containers.stream()
                .map(c -> (c.name().isEmpty() ? "" : c.name() + " ") + c.describe())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** The load over time. */
    public LoadShape shape() {
        return new LoadShape(stages);
    }

    /** Whether iterations have intended start times (open model or paced users), so lateness is measured. */
    public boolean scheduled() {
        return model == LoadModel.OPEN || !pacing.isZero();
    }

    /**
     * {@code "50 users, 30s, ramp-up 5s, warm-up 2s"} or {@code "200/s, pool of 50 users, 1m"}: the shape of the run
     * for messages.
     */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (capacity != null) {
            List<Double> levels = capacity.levels();
            text.append("capacity search ").append(capacity.format(levels.get(0))).append(" to ")
                    .append(capacity.format(levels.get(levels.size() - 1))).append(" in ").append(levels.size())
                    .append(" steps of ").append(Durations.format(capacity.hold()));
            if (model == LoadModel.OPEN) {
                text.append(", pool of ").append(users).append(users == 1 ? " user" : " users");
            }
            return text.toString();
        }
        if (model == LoadModel.OPEN) {
            text.append(declaredStages ? "open model" : Rates.format(stages.get(stages.size() - 1).target()))
                    .append(", pool of ").append(users).append(users == 1 ? " user, " : " users, ");
        } else {
            text.append(users).append(users == 1 ? " user, " : " users, ");
        }
        text.append(Durations.format(duration));
        if (declaredStages) {
            text.append(", stages");
            String separator = " ";
            for (PlannedStage stage : stages) {
                text.append(separator).append(Durations.format(stage.duration())).append(" → ")
                        .append(model == LoadModel.OPEN ? Rates.format(stage.target()) : Format.exact(stage.target()));
                separator = ", ";
            }
        } else if (!rampUp.isZero()) {
            text.append(", ramp-up ").append(Durations.format(rampUp));
        }
        if (!pacing.isZero()) {
            text.append(", pacing ").append(Durations.format(pacing));
        }
        if (!warmUp.isZero()) {
            text.append(", warm-up ").append(Durations.format(warmUp));
        }
        if (iterations > 0) {
            text.append(", ").append(iterations).append(iterations == 1 ? " iteration" : " iterations").append(" per user");
        }
        if (chaos.on()) {
            text.append(", chaos: ").append(chaos.describe());
        }
        return text.toString();
    }

    /**
     * Builds a {@link LoadPlan}. Unset values take {@code @LoadTest}'s defaults; unless stages are set, the plan is
     * closed and ramps {@code users} up over {@code rampUp}, holding them to the end of {@code duration}.
     */
    public static final class Builder {

        private String testId;
        private int users = 1;
        private Duration duration = Duration.ofSeconds(10);
        private Duration rampUp = Duration.ZERO;
        private Duration warmUp = Duration.ZERO;
        private int iterations;
        private Duration grace = Durations.parse(LoadTest.DEFAULT_GRACE).orElseThrow();
        private Duration requestTimeout = Durations.parse(LoadTest.DEFAULT_REQUEST_TIMEOUT).orElseThrow();
        private ThreadKind threads = ThreadKind.AUTO;
        private long seed;
        private Duration progressEvery = Duration.ZERO;
        private Path reportDirectory = Path.of(LoadTest.DEFAULT_REPORT_DIR);
        private Path junitDirectory;
        private List<Budget> budgets = List.of();
        private LoadModel model = LoadModel.CLOSED;
        private List<PlannedStage> stages;
        private boolean declaredStages;
        private Duration pacing = Duration.ZERO;
        private boolean failWhenBehind = true;
        private boolean failWhenInconclusive;
        private ChaosPlan chaos = ChaosPlan.NONE;
        private Duration generatorWarmUp = Duration.ZERO;
        private URI target;
        private Class<?> controller;
        private Duration unreachableStop = Durations.parse(LoadTest.DEFAULT_UNREACHABLE).orElseThrow();
        private List<Adjustment> adjustments = List.of();
        private List<TargetQuery> targetQueries = List.of();
        private URI prometheusUrl;
        private NamedTargets namedTargets = NamedTargets.NONE;
        private List<ContainerTarget> containers = List.of();
        private boolean tracing = true;
        private String traceLink;
        private List<Budget> abortOn = List.of();
        private Duration abortAfter = Duration.ZERO;
        private String baselineNotice;
        private Path baselineRecord;
        private CapacityPlan capacity;
        private Segment segment = Segment.WHOLE;
        private Instant startAt;

        private Builder(String testId) {
            this.testId = testId;
        }

        private Builder(LoadPlan plan) {
            this(plan.testId);
            users = plan.users;
            duration = plan.duration;
            rampUp = plan.rampUp;
            warmUp = plan.warmUp;
            iterations = plan.iterations;
            grace = plan.grace;
            requestTimeout = plan.requestTimeout;
            threads = plan.threads;
            seed = plan.seed;
            progressEvery = plan.progressEvery;
            reportDirectory = plan.reportDirectory;
            junitDirectory = plan.junitDirectory;
            budgets = plan.budgets;
            model = plan.model;
            stages = plan.stages;
            declaredStages = plan.declaredStages;
            pacing = plan.pacing;
            failWhenBehind = plan.failWhenBehind;
            failWhenInconclusive = plan.failWhenInconclusive;
            chaos = plan.chaos;
            generatorWarmUp = plan.generatorWarmUp;
            target = plan.target;
            controller = plan.controller;
            unreachableStop = plan.unreachableStop;
            adjustments = plan.adjustments;
            targetQueries = plan.targetQueries;
            prometheusUrl = plan.prometheusUrl;
            namedTargets = plan.namedTargets;
            containers = plan.containers;
            tracing = plan.tracing;
            traceLink = plan.traceLink;
            abortOn = plan.abortOn;
            abortAfter = plan.abortAfter;
            baselineNotice = plan.baselineNotice;
            baselineRecord = plan.baselineRecord;
            capacity = plan.capacity;
            segment = plan.segment;
            startAt = plan.startAt;
        }

        public Builder testId(String testId) {
            this.testId = testId;
            return this;
        }

        public Builder users(int users) {
            this.users = users;
            return this;
        }

        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder rampUp(Duration rampUp) {
            this.rampUp = rampUp;
            return this;
        }

        public Builder warmUp(Duration warmUp) {
            this.warmUp = warmUp;
            return this;
        }

        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        public Builder grace(Duration grace) {
            this.grace = grace;
            return this;
        }

        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder threads(ThreadKind threads) {
            this.threads = threads;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder progressEvery(Duration progressEvery) {
            this.progressEvery = progressEvery;
            return this;
        }

        public Builder reportDirectory(Path reportDirectory) {
            this.reportDirectory = reportDirectory;
            return this;
        }

        /** Where the JUnit XML report with a test case per budget goes; null for none. */
        public Builder junitDirectory(Path junitDirectory) {
            this.junitDirectory = junitDirectory;
            return this;
        }

        public Builder budgets(List<Budget> budgets) {
            this.budgets = List.copyOf(budgets);
            return this;
        }

        /**
         * The load over time in {@code model}: users (closed) or iterations per second (open); {@code declared} when
         * the test declared them rather than a duration and ramp-up.
         */
        public Builder stages(LoadModel model, List<PlannedStage> stages, boolean declared) {
            this.model = model;
            this.stages = List.copyOf(stages);
            this.declaredStages = declared;
            return this;
        }

        public Builder pacing(Duration pacing) {
            this.pacing = pacing;
            return this;
        }

        public Builder failWhenBehind(boolean failWhenBehind) {
            this.failWhenBehind = failWhenBehind;
            return this;
        }

        /** Whether a run whose generator was the limit fails when a budget broke, instead of being inconclusive. */
        public Builder failWhenInconclusive(boolean failWhenInconclusive) {
            this.failWhenInconclusive = failWhenInconclusive;
            return this;
        }

        public Builder chaos(ChaosPlan chaos) {
            this.chaos = chaos;
            return this;
        }

        public Builder generatorWarmUp(Duration generatorWarmUp) {
            this.generatorWarmUp = generatorWarmUp;
            return this;
        }

        public Builder target(URI target) {
            this.target = target;
            return this;
        }

        public Builder controller(Class<?> controller) {
            this.controller = controller;
            return this;
        }

        /** How long the run goes on while every request finds the target unreachable; zero: to the end. */
        public Builder unreachableStop(Duration unreachableStop) {
            this.unreachableStop = unreachableStop;
            return this;
        }

        /** The settings the run uses other than the annotations wrote them. */
        public Builder adjustments(List<Adjustment> adjustments) {
            this.adjustments = List.copyOf(adjustments);
            return this;
        }

        /** The system under test's metrics, and the Prometheus server to read them from. */
        public Builder targetQueries(List<TargetQuery> targetQueries, URI prometheusUrl) {
            this.targetQueries = List.copyOf(targetQueries);
            this.prometheusUrl = prometheusUrl;
            return this;
        }

        /** The services users reach by name besides the default target. */
        public Builder namedTargets(NamedTargets namedTargets) {
            this.namedTargets = namedTargets;
            return this;
        }

        /** The targets that run in containers. */
        public Builder containers(List<ContainerTarget> containers) {
            this.containers = List.copyOf(containers);
            return this;
        }

        /** Whether requests carry a {@code traceparent}; a link to a trace, {@code {traceId}} in it, or null. */
        public Builder tracing(boolean tracing, String traceLink) {
            this.tracing = tracing;
            this.traceLink = traceLink;
            return this;
        }

        /** The budgets whose breach stops the run, and how much of the measured run passes before one may. */
        public Builder abortOn(List<Budget> abortOn, Duration abortAfter) {
            this.abortOn = List.copyOf(abortOn);
            this.abortAfter = abortAfter;
            return this;
        }

        /** Why the regression budgets were not judged, or null; where to record this run as a baseline, or null. */
        public Builder baseline(String baselineNotice, Path baselineRecord) {
            this.baselineNotice = baselineNotice;
            this.baselineRecord = baselineRecord;
            return this;
        }

        /** The capacity search the stages make; null for an ordinary load test. */
        public Builder capacity(CapacityPlan capacity) {
            this.capacity = capacity;
            return this;
        }

        /** The share of the plan this JVM runs, and the instant every share starts at (null: at once). */
        public Builder segment(Segment segment, Instant startAt) {
            this.segment = segment;
            this.startAt = startAt;
            return this;
        }

        public LoadPlan build() {
            return new LoadPlan(testId, users, duration, rampUp, warmUp, iterations, grace, requestTimeout, threads,
                    seed, progressEvery, reportDirectory, junitDirectory, budgets, model,
                    stages != null ? stages : ramp(users, duration, rampUp), declaredStages, pacing, failWhenBehind,
                    failWhenInconclusive, chaos, generatorWarmUp, target, controller, unreachableStop, adjustments,
                    targetQueries, prometheusUrl, namedTargets, containers, tracing, traceLink, abortOn, abortAfter,
                    baselineNotice, baselineRecord, capacity, segment, startAt);
        }
    }
}
