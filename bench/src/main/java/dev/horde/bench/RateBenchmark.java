package dev.horde.bench;

import dev.horde.engine.LoadRun;
import dev.horde.engine.RunOutcome;
import dev.horde.engine.ScheduleStats;
import dev.horde.engine.UserScript;
import dev.horde.engine.UserThreads;
import dev.horde.http.HttpApi;
import dev.horde.plan.ChaosPlan;
import dev.horde.plan.LoadModel;
import dev.horde.plan.LoadPlan;
import dev.horde.plan.ThreadKind;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Whether the open model holds its rate: iterations (one GET of {@code url} each, lean client) arrive at
 * {@code rate} per second for {@code seconds} after a 5 s warm-up, run by a pool of {@code users}. Prints one
 * {@code rate} line: the rate achieved over the measured window, its error against the plan, and the schedule.
 *
 * <pre>RateBenchmark url rate users seconds</pre>
 */
public final class RateBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private RateBenchmark() {
    }

    public static void main(String[] args) {
        URI url = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int users = Integer.parseInt(args[2]);
        Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
        String base = url.getScheme() + "://" + url.getAuthority();
        Duration length = WARM_UP.plus(measured);
        LoadPlan plan = new LoadPlan("rate", users, length, Duration.ZERO, WARM_UP, 0, Duration.ofSeconds(5),
                Duration.ofSeconds(30), ThreadKind.AUTO, 1L, Duration.ZERO, Path.of("target"), List.of(),
                LoadModel.OPEN, LoadPlan.ramp(rate, length, Duration.ZERO), false, Duration.ZERO, true, ChaosPlan.NONE,
                Duration.ZERO);
        LoadRun run = new LoadRun(plan, (index, random) -> {
            HttpApi api = HttpApi.to(base);
            return UserScript.of(() -> api.get(url.getRawPath()).send());
        }, UserThreads.factory(ThreadKind.AUTO));
        RunOutcome outcome = run.execute();
        long iterations = outcome.metrics().iteration().count();
        double seconds = outcome.measuredWindow().toNanos() / 1e9;
        double achieved = iterations / seconds;
        ScheduleStats schedule = outcome.schedule();
        System.out.printf(java.util.Locale.ROOT, "rate planned=%.1f achieved=%.1f error_pct=%.2f iterations=%d due=%d"
                        + " late=%d dropped=%d max_lag_ms=%.1f p99_ms=%.3f failed=%d%n",
                rate, achieved, 100 * (achieved - rate) / rate, iterations, schedule.due(), schedule.late(),
                schedule.dropped(), schedule.maxLag().toNanos() / 1e6,
                outcome.metrics().iteration().percentileMillis(99), outcome.metrics().iteration().failed());
    }
}
