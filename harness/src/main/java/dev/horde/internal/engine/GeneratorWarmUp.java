package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Runs a load test's own iterations before its clock starts, until the load generator is warm: a fresh JVM spends 10
 * to 30 times more CPU on a REST Assured request in its first seconds (Groovy's call sites, the JIT compiling and
 * recompiling), and a run measured then reports the generator's start as the target's latency. Up to
 * {@value #MAX_USERS} users iterate as the test's users do, never faster than the test's own load, in rounds of one
 * second, until the JIT has stopped compiling and the CPU an iteration costs has stopped falling for
 * {@value #STEADY_ROUNDS} rounds in a row, or the cap is reached. Nothing it measures is counted in the test.
 */
@API(status = INTERNAL, since = "0.1")
public final class GeneratorWarmUp {

    static final int MAX_USERS = 8;
    static final int STEADY_ROUNDS = 2;
    /** A round whose iterations cost this much less CPU than the best round before it is still warming up. */
    private static final double STILL_FALLING = 0.10;
    /** Above this share of one core spent compiling, the JIT is still at work. */
    private static final double COMPILING = 0.10;

    private GeneratorWarmUp() {
    }

    /**
     * What a warm-up did.
     *
     * @param users users it ran
     * @param took how long it ran
     * @param iterations iterations its users ran
     * @param failed of which failed
     * @param firstCpuMs CPU per iteration in the first round, ms (NaN where the JVM cannot tell)
     * @param lastCpuMs CPU per iteration in the last round, ms
     * @param settled whether it ended because the generator was warm (false: the cap, or failures, ended it)
     */
    public record Result(int users, Duration took, long iterations, long failed, double firstCpuMs, double lastCpuMs,
            boolean settled) {

        /** {@code "8 users, 12.1 s, 5,210 iterations, CPU per iteration 9.80 → 0.412 ms, settled"}. */
        public String describe() {
            String failures = failed > 0 ? String.format(Locale.ROOT, " (%,d failed)", failed) : "";
            String end = settled ? "settled"
                    : failed * 2 > iterations ? "stopped: most iterations failed" : "stopped at its cap";
            return String.format(Locale.ROOT, "%d users, %.1f s, %,d iterations%s, CPU per iteration %.3g → %.3g ms, %s",
                    users, took.toMillis() / 1e3, iterations, failures, firstCpuMs, lastCpuMs, end);
        }
    }

    /**
     * Warms the generator up for {@code plan}, whose users {@code users} creates, for at most the plan's
     * {@link LoadPlan#generatorWarmUp()}.
     *
     * @throws IllegalStateException if the JVM cannot create the warm-up's user threads
     */
    public static Result run(LoadPlan plan, UserFactory users) {
        LoadPlan warmUp = planFor(plan, plan.generatorWarmUp());
        Rounds rounds = new Rounds();
        long start = System.nanoTime();
        try (LoadRun run = new LoadRun(warmUp, users, rounds)) {
            rounds.run = run;
            RunOutcome outcome = run.execute();
            return new Result(warmUp.users(), Duration.ofNanos(System.nanoTime() - start),
                    outcome.metrics().iteration().count(), outcome.metrics().iteration().failed(), rounds.firstCpuMs,
                    rounds.lastCpuMs, rounds.settled);
        }
    }

    /**
     * The warm-up's plan: the test's users up to {@link #MAX_USERS}, all from the start, for at most {@code cap};
     * paced so that together they never start iterations faster than the test's own peak rate when it has one.
     */
    static LoadPlan planFor(LoadPlan plan, Duration cap) {
        int users = Math.min(plan.users(), MAX_USERS);
        Duration pacing = Duration.ZERO;
        double peakRate = peakRate(plan);
        if (peakRate > 0) {
            pacing = Duration.ofNanos((long) Math.ceil(users * 1e9 / peakRate));
        }
        return LoadPlan.builder(plan.testId() + " (generator warm-up)")
                .users(users)
                .duration(cap)
                .grace(plan.grace())
                .requestTimeout(plan.requestTimeout())
                .threads(plan.threads())
                .seed(plan.seed() ^ 0x5EEDL)
                .reportDirectory(plan.reportDirectory())
                .pacing(pacing)
                .failWhenBehind(false)
                .target(plan.target())
                .build();
    }

    /** Iterations per second the test starts at its peak, or 0 when its users iterate back to back. */
    private static double peakRate(LoadPlan plan) {
        double peak = plan.stages().stream().mapToDouble(PlannedStage::target).max().orElse(0);
        if (plan.model() == LoadModel.OPEN) {
            return peak;
        }
        return plan.pacing().isZero() ? 0 : peak * 1e9 / plan.pacing().toNanos();
    }

    /** Watches the warm-up round by round and ends it once the generator is warm. */
    private static final class Rounds implements RunObserver {

        private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        private volatile LoadRun run;
        private long cpuNanos = CpuMeter.processCpuNanos();
        private long compileMillis = compileMillis();
        private long atNanos = System.nanoTime();
        private double best = Double.MAX_VALUE;
        private int steady;
        private long iterations;
        private long failed;
        private double firstCpuMs = Double.NaN;
        private double lastCpuMs = Double.NaN;
        private volatile boolean settled;

        @Override
        public void onInterval(Interval interval, Progress progress) {
            long nowCpu = CpuMeter.processCpuNanos();
            long nowCompile = compileMillis();
            long now = System.nanoTime();
            IntervalStats round = interval.metrics().stream()
                    .filter(stats -> stats.metric().equals(MetricNames.ITERATION)).findFirst().orElse(null);
            long count = round == null ? 0 : round.count();
            iterations += count;
            failed += round == null ? 0 : round.failed();
            double compiling = nowCompile < 0 ? 0 : (nowCompile - compileMillis) * 1e6 / (now - atNanos);
            if (count > 0 && nowCpu >= 0) {
                lastCpuMs = (nowCpu - cpuNanos) / 1e6 / count;
                if (Double.isNaN(firstCpuMs)) {
                    firstCpuMs = lastCpuMs;
                }
                boolean warm = compiling < COMPILING && lastCpuMs > best * (1 - STILL_FALLING);
                steady = warm ? steady + 1 : 0;
                best = Math.min(best, lastCpuMs);
            }
            cpuNanos = nowCpu;
            compileMillis = nowCompile;
            atNanos = now;
            LoadRun current = run;
            if (current == null) {
                return;
            }
            if (steady >= STEADY_ROUNDS) {
                settled = true;
                current.endEarly();
            } else if (iterations >= 10 && failed * 2 > iterations) {
                current.endEarly(); // a failing target does not warm anything: the test will say what it does
            }
        }

        private long compileMillis() {
            return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
        }
    }
}
