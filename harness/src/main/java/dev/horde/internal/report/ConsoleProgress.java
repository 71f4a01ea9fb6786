package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.engine.Progress;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A progress line every few seconds on runs long enough to need one: elapsed of total, active users, requests per
 * second, p95 and error rate of the last interval, and the budgets already failing, like
 * {@code [horde] ChatMixLoadTest.chatMix 15s/30s users 200/200 91.6 req/s p95 15.2 ms errors 0% - failing: …}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConsoleProgress implements RunObserver {

    private final String test;
    private final long everyMs;
    private final PrintStream out;
    private long nextAtMs;

    private ConsoleProgress(String test, Duration every, PrintStream out) {
        this.test = test;
        this.everyMs = every.toMillis();
        this.out = out;
        this.nextAtMs = everyMs;
    }

    /**
     * Progress for {@code plan} every {@link LoadPlan#progressEvery()}, or {@link RunObserver#NONE} when the run is
     * shorter than two lines' worth.
     */
    public static RunObserver of(LoadPlan plan, PrintStream out) {
        Duration every = plan.progressEvery();
        if (every.isZero() || plan.duration().compareTo(every.multipliedBy(2)) < 0) {
            return RunObserver.NONE;
        }
        return new ConsoleProgress(plan.testName(), every, out);
    }

    @Override
    public void onInterval(Interval interval, Progress progress) {
        if (interval.endMs() < nextAtMs) {
            return;
        }
        nextAtMs += everyMs * Math.max(1, (interval.endMs() - nextAtMs) / everyMs + 1);
        LoadPlan plan = progress.plan();
        StringBuilder line = new StringBuilder("[horde] ").append(test).append(' ')
                .append(Durations.format(Duration.ofMillis(interval.endMs() / 1000 * 1000))).append('/')
                .append(Durations.format(plan.duration()))
                .append("  users ").append(progress.activeUsers()).append('/')
                .append(plan.segment().share(plan.users(), plan.model()));
        IntervalStats all = interval.metrics().stream()
                .filter(m -> m.metric().equals(MetricNames.ALL_REQUESTS)).findFirst()
                .orElseGet(() -> interval.metrics().stream()
                        .filter(m -> m.metric().equals(MetricNames.ITERATION)).findFirst().orElse(null));
        if (all != null) {
            double seconds = Math.max(1, interval.endMs() - interval.startMs()) / 1000.0;
            line.append("  ").append(Format.number(all.count() / seconds))
                    .append(all.metric().equals(MetricNames.ITERATION) ? " it/s" : " req/s")
                    .append("  p95 ").append(Format.millis(all.p95Ms()))
                    .append("  errors ").append(Format.percent(all.count() == 0 ? 0 : (double) all.failed() / all.count()));
        }
        if (!interval.measured()) {
            line.append("  (warm-up)");
        } else {
            Verdict sofar = Verdict.of(plan.budgets(), progress.metrics(),
                    Duration.ofMillis(Math.max(1, interval.endMs() - plan.warmUp().toMillis())));
            String failing = sofar.breaches().stream().filter(b -> !Double.isNaN(b.measured()))
                    .map(BudgetResult::description).collect(Collectors.joining("; "));
            if (!failing.isEmpty()) {
                line.append("  - failing: ").append(failing);
            }
        }
        out.println(line);
    }
}
