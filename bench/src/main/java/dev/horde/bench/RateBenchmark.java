package dev.horde.bench;

import dev.horde.http.HttpApi;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.engine.UserScript;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import java.net.URI;
import java.time.Duration;

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
        LoadPlan plan = LoadPlan.builder("rate").users(users).duration(length).warmUp(WARM_UP).seed(1)
                .stages(LoadModel.OPEN, LoadPlan.ramp(rate, length, Duration.ZERO), false).build();
        LoadRun run = new LoadRun(plan, (index, random) -> {
            HttpApi api = HttpApi.to(base);
            return UserScript.of(() -> api.get(url.getRawPath()).send());
        });
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
