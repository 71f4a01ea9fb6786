package dev.horde.internal.micrometer;

import dev.horde.internal.engine.Progress;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.LatencyLimit;
import dev.horde.internal.verdict.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Publishes one run to a Micrometer registry, on the sampler thread once a second: every sample into the timer
 * {@value #SAMPLE} of its metric and outcome (from the interval's histograms, so the request path is untouched), the
 * users running, failures by cause, scheduled iterations late or dropped, and each budget's value, limit and whether
 * it holds so far. The timers' histograms have a bucket at every latency budget's limit, so a Prometheus query of the
 * share within the budget is exact.
 * Tags are the test, the metric (bounded by the metric-name cap), its kind and outcome, a failure cause (bounded per
 * metric) or a budget's description; all come from masked names.
 */
final class MeterPublisher implements RunObserver {

    static final String SAMPLE = "horde.sample";
    static final String USERS_ACTIVE = "horde.users.active";
    static final String USERS_PLANNED = "horde.users.planned";
    static final String FAILURES = "horde.failures";
    static final String ITERATIONS_DUE = "horde.iterations.due";
    static final String ITERATIONS_LATE = "horde.iterations.late";
    static final String ITERATIONS_DROPPED = "horde.iterations.dropped";
    static final String BUDGET_VALUE = "horde.budget.value";
    static final String BUDGET_LIMIT = "horde.budget.limit";
    static final String BUDGET_HOLDS = "horde.budget.holds";

    /**
     * What the gauges read, kept for the JVM's life by registry and meter: a gauge keeps its first state object, so a
     * test that runs again (a parameterized load test) must update the same one, and the values of a finished test
     * stay readable between tests.
     */
    private static final Map<List<Object>, double[]> GAUGES = new ConcurrentHashMap<>();

    private final LoadPlan plan;
    private final MeterRegistry registry;
    private final Tags test;
    private final Map<String, Timer> timers = new HashMap<>();
    private final Map<List<Object>, Long> counted = new HashMap<>();
    private final double[] activeUsers;

    MeterPublisher(LoadPlan plan, MeterRegistry registry) {
        this.plan = plan;
        this.registry = registry;
        this.test = Tags.of("test", plan.testName());
        this.activeUsers = gauge(USERS_ACTIVE, test, "virtual users running an iteration or between two");
        gauge(USERS_PLANNED, test, "virtual users the plan runs: users, or the pool of an open-model test")[0] =
                plan.users();
    }

    @Override
    public void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs,
            Histogram histogram) {
        Timer timer = timers.computeIfAbsent(metric + (failed ? "\n1" : "\n0"), key -> timer(metric, kind, failed));
        for (HistogramIterationValue value : histogram.recordedValues()) {
            long micros = value.getValueIteratedTo();
            for (long i = value.getCountAtValueIteratedTo(); i > 0; i--) {
                timer.record(micros, TimeUnit.MICROSECONDS);
            }
        }
    }

    @Override
    public void onInterval(Interval interval, Progress progress) {
        activeUsers[0] = interval.activeUsers();
        RunMetrics metrics = progress.metrics();
        for (MetricSnapshot metric : metrics.byName().values()) {
            metric.errors().forEach((cause, count) -> failures(metric, cause, count));
        }
        if (progress.schedule() != null) {
            ScheduleStats schedule = progress.schedule();
            count(ITERATIONS_DUE, test, schedule.due(), "scheduled iterations whose intended start has come");
            count(ITERATIONS_LATE, test, schedule.late(), "scheduled iterations that started late");
            count(ITERATIONS_DROPPED, test, schedule.dropped(), "scheduled iterations that never started");
        }
        if (interval.measured()) {
            Duration window = Duration.ofMillis(Math.max(1, interval.endMs() - plan.warmUp().toMillis()));
            for (BudgetResult budget : Verdict.soFar(plan, metrics, window).results()) {
                budget(budget);
            }
        }
    }

    @Override
    public void onRunEnd(Interval last, Progress progress) {
        onInterval(last, progress);
    }

    private Timer timer(String metric, MetricKind kind, boolean failed) {
        TreeSet<Duration> limits = new TreeSet<>();
        for (var budget : plan.budgets()) {
            if (budget instanceof LatencyLimit latency && (latency.metric().equals(metric)
                    || latency.metric().isEmpty() && kind == MetricKind.REQUEST)) {
                limits.add(latency.limit());
            }
        }
        return Timer.builder(SAMPLE)
                .description("samples of a Horde metric: requests, iterations, WebSocket messages, lifecycle")
                .tags(test).tag("metric", metric).tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", failed ? "failed" : "ok")
                .serviceLevelObjectives(limits.toArray(Duration[]::new))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(plan.requestTimeout())
                .register(registry);
    }

    private void failures(MetricSnapshot metric, String cause, long count) {
        count(FAILURES, test.and("metric", metric.name()).and("cause", cause), count,
                "failed samples by metric and cause");
    }

    /** Brings the counter {@code name} with {@code tags} up to {@code total}, this run's count so far. */
    private void count(String name, Tags tags, long total, String description) {
        List<Object> key = List.of(name, tags);
        Long before = counted.get(key);
        if (before == null || total > before) { // registered at zero too, so a query finds the series from the start
            counted.put(key, total);
            Counter.builder(name).description(description).tags(tags).register(registry)
                    .increment(total - (before == null ? 0 : before));
        }
    }

    private void budget(BudgetResult result) {
        Tags tags = test.and("budget", result.description()).and("unit", result.unit().symbol());
        gauge(BUDGET_VALUE, tags, "a budget's measured value so far (NaN before its metric has samples)")[0] =
                result.measured();
        gauge(BUDGET_LIMIT, tags, "a budget's limit")[0] = result.limit();
        gauge(BUDGET_HOLDS, tags, "1 while a budget holds so far, 0 when it does not")[0] = result.passed() ? 1 : 0;
    }

    /** The one-value state the gauge {@code name} with {@code tags} reads, registered on first use. */
    private double[] gauge(String name, Tags tags, String description) {
        return GAUGES.computeIfAbsent(List.of(registry, name, tags), key -> {
            double[] state = {Double.NaN};
            Gauge.builder(name, state, s -> s[0]).tags(tags).description(description).strongReference(true)
                    .register(registry);
            return state;
        });
    }
}
