package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.IntervalHistograms;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.plan.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * A latency, error or throughput budget that must hold over every window of {@link #window()} in the measured part of
 * the run, sliding by one interval (a second), not only over the whole run. A window's samples are the merged
 * histograms of its intervals, so its percentiles are exact, never an average of percentiles. The worst window
 * decides, and its message names its time span. A run measured for less than one window is judged as one window.
 * Windows in which the metric recorded nothing to judge are skipped by latency and error budgets and count as 0/s for
 * throughput budgets. Windows already judged are remembered, so judging a growing run again costs only its new ones.
 */
@API(status = INTERNAL, since = "0.1")
public final class WindowedBudget implements Budget {

    private final Budget budget;
    private final Duration window;
    private final Duration interval;
    private final int intervalsPerWindow;
    private final Map<String, Windows> judged = new LinkedHashMap<>();

    /**
     * {@code budget} (a {@link LatencyLimit}, {@link ErrorRateLimit} or {@link ThroughputLimit}) over every window of
     * {@code window}, made of windows of {@code interval}.
     */
    public WindowedBudget(Budget budget, Duration window, Duration interval) {
        if (!(budget instanceof LatencyLimit || budget instanceof ErrorRateLimit || budget instanceof ThroughputLimit)) {
            throw new IllegalArgumentException("no windows for " + budget);
        }
        this.budget = budget;
        this.window = window;
        this.interval = interval;
        this.intervalsPerWindow = (int) Math.max(1, Math.round((double) window.toNanos() / interval.toNanos()));
    }

    /** The budget judged in each window. */
    public Budget budget() {
        return budget;
    }

    /** The length of the intervals a window is made of. */
    public Duration interval() {
        return interval;
    }

    /** The length of a window. */
    public Duration window() {
        return window;
    }

    @Override
    public String metric() {
        return budget.metric();
    }

    /** The metrics whose intervals the windows are made of. */
    public Set<String> metricNames() {
        if (!budget.metric().isEmpty()) {
            return Set.of(budget.metric());
        }
        return budget instanceof ErrorRateLimit ? Set.of(MetricNames.ALL_REQUESTS, MetricNames.ITERATION)
                : Set.of(MetricNames.ALL_REQUESTS);
    }

    @Override
    public List<BudgetResult> evaluate(RunMetrics metrics, Duration measuredWindow) {
        List<BudgetResult> results = new ArrayList<>(2);
        Set<String> names = new LinkedHashSet<>(List.of(MetricNames.ALL_REQUESTS, MetricNames.ITERATION));
        names.add(budget.metric());
        for (String name : names) { // all requests first, as the whole-run budgets report them
            if (metricNames().contains(name) && !(budget.metric().isEmpty() && budget instanceof ErrorRateLimit
                    && name.equals(MetricNames.ALL_REQUESTS) && metrics.allRequests() == null)) {
                results.add(evaluate(on(name), name, metrics, measuredWindow));
            }
        }
        return results;
    }

    /**
     * The worst full window so far of each metric, for a run that is still going: empty until a whole window was
     * measured.
     */
    public List<BudgetResult> fullWindows(RunMetrics metrics) {
        List<BudgetResult> results = new ArrayList<>(2);
        for (String name : metricNames()) {
            List<IntervalHistograms> intervals = metrics.intervals(name);
            if (intervals.size() >= intervalsPerWindow) {
                windows(name).judge(intervals, on(name), kind(metrics, name)).ifPresent(results::add);
            }
        }
        return results;
    }

    private BudgetResult evaluate(Budget single, String name, RunMetrics metrics, Duration measuredWindow) {
        List<IntervalHistograms> intervals = metrics.intervals(name);
        if (metrics.find(name).isEmpty() || intervals.isEmpty()) {
            BudgetResult whole = single.evaluate(metrics, measuredWindow).get(0);
            return windowed(whole, whole.message());
        }
        MetricKind kind = kind(metrics, name);
        if (intervals.size() < intervalsPerWindow) {
            Window all = new Window(single, kind);
            intervals.forEach(all::add);
            BudgetResult shorter = all.judge(intervals.get(0).startMs(), intervals.get(intervals.size() - 1).endMs());
            if (shorter != null) {
                return windowed(shorter, shorter.message() + " — the run measured less than one window of "
                        + Durations.format(window) + ", so it was judged as one");
            }
        } else {
            Optional<BudgetResult> worst = windows(name).judge(intervals, single, kind);
            if (worst.isPresent()) {
                return worst.get();
            }
        }
        BudgetResult whole = single.evaluate(metrics, measuredWindow).get(0);
        return windowed(whole, whole.message() + " — no window had samples to judge");
    }

    private static MetricKind kind(RunMetrics metrics, String name) {
        return metrics.find(name).map(MetricSnapshot::kind).orElse(MetricKind.REQUEST);
    }

    private synchronized Windows windows(String name) {
        return judged.computeIfAbsent(name, n -> new Windows());
    }

    /** {@code budget} on the one metric {@code name}. */
    private Budget on(String name) {
        if (budget instanceof LatencyLimit latency) {
            return new LatencyLimit(name, latency.statistic(), latency.limit());
        }
        if (budget instanceof ErrorRateLimit errors) {
            return new ErrorRateLimit(name, errors.maxRate());
        }
        ThroughputLimit throughput = (ThroughputLimit) budget;
        return new ThroughputLimit(name, throughput.min(), throughput.scaling());
    }

    /** {@code result} as the result of this budget: its description says the windows. */
    private BudgetResult windowed(BudgetResult result, String message) {
        return new BudgetResult(result.description() + " in every " + Durations.format(window) + " window",
                result.metric(), result.quantity(), result.statistic(), result.measured(), result.limit(),
                result.passed(), message);
    }

    /** The windows of one metric judged so far: a sliding sum of the last intervals and the worst result. */
    private final class Windows {

        private IntervalHistograms first;
        private int consumed;
        private Window sum;
        private BudgetResult worst;
        private long count;

        synchronized Optional<BudgetResult> judge(List<IntervalHistograms> intervals, Budget single, MetricKind kind) {
            if (first != intervals.get(0) || intervals.size() < consumed) { // another run, or judged from its start
                first = intervals.get(0);
                consumed = 0;
                sum = new Window(single, kind);
                worst = null;
                count = 0;
            }
            for (int i = consumed; i < intervals.size(); i++) {
                sum.add(intervals.get(i));
                if (i >= intervalsPerWindow) {
                    sum.subtract(intervals.get(i - intervalsPerWindow));
                }
                BudgetResult result = i < intervalsPerWindow - 1 ? null
                        : sum.judge(intervals.get(i - intervalsPerWindow + 1).startMs(), intervals.get(i).endMs());
                if (result != null) {
                    count++;
                    if (worst == null || worse(result, worst)) {
                        worst = result;
                    }
                }
            }
            consumed = intervals.size();
            if (worst == null) {
                return Optional.empty();
            }
            return Optional.of(windowed(worst, worst.message() + " — the worst of " + Format.count(count)
                    + (count == 1 ? " window" : " windows")));
        }

        private static boolean worse(BudgetResult result, BudgetResult than) {
            return result.quantity() == BudgetResult.Quantity.THROUGHPUT ? result.measured() < than.measured()
                    : result.measured() > than.measured();
        }
    }

    /** The merged samples of consecutive intervals of one metric, judged by one budget. */
    private static final class Window {

        private final Budget single;
        private final MetricKind kind;
        private final Histogram succeeded = IntervalHistograms.newSum();
        private final Histogram failed = IntervalHistograms.newSum();

        Window(Budget single, MetricKind kind) {
            this.single = single;
            this.kind = kind;
        }

        void add(IntervalHistograms interval) {
            succeeded.add(interval.succeeded());
            failed.add(interval.failed());
        }

        void subtract(IntervalHistograms interval) {
            succeeded.subtract(interval.succeeded());
            failed.subtract(interval.failed());
        }

        /**
         * The budget's result on this window, from {@code startMs} to {@code endMs} of the run; null when the window
         * has nothing the budget judges (no sample, or for latency only failures faster than the limit).
         */
        BudgetResult judge(long startMs, long endMs) {
            String name = single.metric();
            long samples = succeeded.getTotalCount() + failed.getTotalCount();
            String span = Format.number(startMs / 1_000.0) + "–" + Format.number(endMs / 1_000.0) + " s";
            Duration length = Duration.ofMillis(endMs - startMs);
            if (samples == 0 && !(single instanceof ThroughputLimit)) {
                return null;
            }
            MetricSnapshot snapshot = new MetricSnapshot(name, kind, samples, succeeded, failed, Map.of(), List.of());
            RunMetrics window = MetricNames.ALL_REQUESTS.equals(name)
                    ? new RunMetrics(Map.of(), snapshot, List.of(), List.of(), Map.of())
                    : new RunMetrics(Map.of(name, snapshot), null, List.of(), List.of(), Map.of());
            BudgetResult result = samples == 0 ? zeroThroughput((ThroughputLimit) single)
                    : single.evaluate(window, length).get(0);
            if (Double.isNaN(result.measured())) {
                return null;
            }
            String subject = subject(result.description());
            String message = result.message().startsWith(subject)
                    ? subject + " in the window " + span + result.message().substring(subject.length())
                    : result.message();
            return new BudgetResult(result.description(), result.metric(), result.quantity(), result.statistic(),
                    result.measured(), result.limit(), result.passed(), message);
        }

        private static BudgetResult zeroThroughput(ThroughputLimit limit) {
            BudgetResult described = limit.evaluate(new RunMetrics(Map.of(), null, List.of(), List.of(), Map.of()),
                    Duration.ofSeconds(1)).get(0);
            String subject = subject(described.description());
            return new BudgetResult(described.description(), described.metric(), described.quantity(), null, 0,
                    described.limit(), limit.min() <= 0, subject + " was 0/s (nothing ended), budget at least "
                            + described.description().substring(subject.length() + " >= ".length()));
        }

        /** {@code p95 of GET /x} of {@code p95 of GET /x <= 250 ms}. */
        private static String subject(String description) {
            int at = Math.max(description.lastIndexOf(" <= "), description.lastIndexOf(" >= "));
            return at < 0 ? description : description.substring(0, at);
        }
    }
}
