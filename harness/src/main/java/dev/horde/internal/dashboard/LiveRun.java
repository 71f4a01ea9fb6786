package dev.horde.internal.dashboard;

import dev.horde.MetricNames;
import dev.horde.internal.engine.Progress;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.report.JsonWriter;
import dev.horde.internal.report.RunResult;
import dev.horde.internal.report.Traces;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Feeds one run to the live page: a point and a status each interval, on the sampler thread. A point is the
 * interval's rates and latencies per metric, for the charts; a status is where the run stands as a whole: its users,
 * schedule, every metric and budget so far, failures by cause.
 */
final class LiveRun implements RunObserver {

    /** Metrics charted per point; the table shows them all. */
    static final int CHARTED = 24;
    /** Rows of the table and of the failures, the busiest first. */
    static final int LISTED = 100;

    private final LiveState state;
    private final LoadPlan plan;
    private boolean failed; // the sampler thread's only

    LiveRun(LiveState state, LoadPlan plan) {
        this.state = state;
        this.plan = plan;
        state.started(header(plan));
    }

    @Override
    public void onInterval(Interval interval, Progress progress) {
        tick(interval, progress);
    }

    @Override
    public void onRunEnd(Interval last, Progress progress) {
        tick(last, progress);
    }

    /** The run is done and judged: the page shows the verdict's budgets, those of the JSON summary. */
    void finished(RunResult result) {
        JsonWriter entry = JsonWriter.compact().beginObject()
                .name("test").value(plan.testName())
                .name("model").value(plan.describe())
                .name("verdict").value(result.verdictLabel())
                .name("partial").value(result.outcome().interrupted())
                .name("stoppedEarly").value(result.outcome().stoppedEarly())
                .name("budgets").beginArray();
        for (BudgetResult budget : result.verdict().results()) {
            entry.beginObject().name("text").value(budget.shown()).name("passed").value(budget.passed()).endObject();
        }
        entry.endArray().endObject();
        long elapsed = result.outcome().elapsed().toMillis();
        state.finished(entry.toString(), status(plan, elapsed, true, 0, result.outcome().usersStarted(),
                result.outcome().schedule(), result.outcome().metrics(), result.verdict().results()));
    }

    private void tick(Interval interval, Progress progress) {
        try {
            send(interval, progress);
        } catch (RuntimeException e) { // the page misses a second; the run never notices
            if (!failed) {
                failed = true;
                System.err.println("horde: the live page missed an interval: " + e);
            }
        }
    }

    private void send(Interval interval, Progress progress) {
        RunMetrics metrics = progress.metrics();
        List<BudgetResult> budgets = interval.measured()
                ? Verdict.soFar(plan, metrics,
                        Duration.ofMillis(Math.max(1, interval.endMs() - plan.warmUp().toMillis()))).results()
                : List.of();
        state.tick(point(interval), status(plan, interval.endMs(), interval.measured(), progress.activeUsers(),
                progress.usersStarted(), progress.schedule(), metrics, budgets));
    }

    private static String header(LoadPlan plan) {
        return JsonWriter.compact().beginObject()
                .name("test").value(plan.testName())
                .name("model").value(plan.describe())
                .name("target").value(plan.target() == null ? null : plan.targetText())
                .name("users").value(plan.users())
                .name("open").value(plan.model() == LoadModel.OPEN)
                .name("durationMs").value(plan.duration().toMillis())
                .name("warmUpMs").value(plan.warmUp().toMillis())
                .endObject().toString();
    }

    /** The interval's point: {@code t} (s since the start), users, rates, the generator's CPU and each metric. */
    private static String point(Interval interval) {
        double seconds = Math.max(1, interval.endMs() - interval.startMs()) / 1000.0;
        IntervalStats all = interval.metrics().stream().filter(m -> m.metric().equals(MetricNames.ALL_REQUESTS))
                .findFirst().orElse(null);
        JsonWriter point = JsonWriter.compact().beginObject()
                .name("t").value(interval.endMs() / 1000.0)
                .name("active").value(interval.activeUsers())
                .name("measured").value(interval.measured())
                .name("rps").value(all == null ? 0 : all.count() / seconds)
                .name("eps").value(all == null ? 0 : all.failed() / seconds)
                .name("cpu").value(interval.generatorCpu() * 100)
                .name("metrics").beginArray();
        interval.metrics().stream().limit(CHARTED).forEach(m -> point.beginArray().value(m.metric())
                .value(m.count() / seconds).value(m.p50Ms()).value(m.p95Ms()).value(m.p99Ms()).endArray());
        return point.endArray().endObject().toString();
    }

    /** Where the run stands: its users, schedule, metrics (with their slowest sample's trace), budgets and failures. */
    private static String status(LoadPlan plan, long elapsedMs, boolean measured, int active, int started,
            ScheduleStats schedule, RunMetrics metrics, List<BudgetResult> budgets) {
        JsonWriter json = JsonWriter.compact().beginObject()
                .name("elapsedMs").value(elapsedMs)
                .name("level").value(plan.shape().levelAt(elapsedMs * 1_000_000))
                .name("measured").value(measured)
                .name("active").value(active)
                .name("started").value(started);
        if (schedule != null) {
            json.name("schedule").beginObject().name("due").value(schedule.due()).name("late").value(schedule.late())
                    .name("dropped").value(schedule.dropped()).endObject();
        }
        json.name("budgets").beginArray();
        for (BudgetResult budget : budgets) {
            json.beginObject().name("text").value(budget.shown()).name("passed").value(budget.passed())
                    .name("known").value(!Double.isNaN(budget.measured())).endObject();
        }
        json.endArray().name("metrics").beginArray();
        List<MetricSnapshot> rows = new ArrayList<>(metrics.byName().values());
        if (metrics.allRequests() != null) {
            rows.add(0, metrics.allRequests());
        }
        rows.stream().limit(LISTED).forEach(m -> {
            String trace = m.slowest().isEmpty() ? null : m.slowest().get(0).traceId();
            json.beginArray().value(m.name()).value(m.count()).value(m.failed())
                    .value(m.percentileMillis(50)).value(m.percentileMillis(95)).value(m.percentileMillis(99))
                    .value(m.maxMillis()).value(trace).value(Traces.link(plan, trace).orElse(null)).endArray();
        });
        json.endArray().name("failures").beginArray();
        failures(metrics).stream().limit(LISTED).forEach(f -> json.beginArray().value(f.metric).value(f.cause)
                .value(f.count).endArray());
        return json.endArray().endObject().toString();
    }

    private record Failure(String metric, String cause, long count) {
    }

    /** Every metric's failures by cause, the most frequent first. */
    private static List<Failure> failures(RunMetrics metrics) {
        List<Failure> failures = new ArrayList<>();
        for (MetricSnapshot metric : metrics.byName().values()) {
            for (Map.Entry<String, Long> cause : metric.errors().entrySet()) {
                failures.add(new Failure(metric.name(), cause.getKey(), cause.getValue()));
            }
        }
        failures.sort(Comparator.comparingLong(Failure::count).reversed());
        return failures;
    }
}
