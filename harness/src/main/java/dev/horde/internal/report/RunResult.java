package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.capacity.CapacityResult;
import dev.horde.internal.engine.GeneratorWarmUp;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.verdict.GeneratorLimit;
import dev.horde.internal.verdict.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Everything known about one finished load test: the plan, what the run measured, and the verdict.
 *
 * @param plan the validated plan
 * @param outcome what the run measured and how it ended
 * @param verdict the budgets checked
 * @param startedAt wall-clock time the run started
 * @param generatorWarmUp what warmed the generator up before the run, or null if nothing did
 * @param targetReadings the system under test's metrics from Prometheus over the measured window; empty when the
 *     test has none or the run was cut short
 * @param capacity what a capacity search found; null for an ordinary load test
 * @param merged the segments this result was merged from; null for the result of one JVM
 */
@API(status = INTERNAL, since = "0.1")
public record RunResult(LoadPlan plan, RunOutcome outcome, Verdict verdict, Instant startedAt,
        GeneratorWarmUp.Result generatorWarmUp, List<TargetReading> targetReadings, CapacityResult capacity,
        MergedSegments merged) {

    /** Whether this is one segment's share of a load test, whose budgets are judged once the segments are merged. */
    public boolean segment() {
        return !plan.segment().whole();
    }

    /**
     * Whether the test passes: every budget kept and the run not cut short (a capacity search ends its run at the
     * first step that does not hold, which is how it ends).
     */
    public boolean passed() {
        return verdict.passed() && !outcome.interrupted() && (outcome.stoppedEarly() == null || endedSearch());
    }

    /** Whether the run stopped early because its capacity search was over. */
    public boolean endedSearch() {
        return capacity != null && outcome.stoppedOnBreach();
    }

    /**
     * What made the load generator the limit of a run whose only breaches it can have caused (latency, throughput,
     * schedule), when the plan lets such a run be inconclusive instead of failing; empty otherwise.
     */
    public Optional<String> inconclusive() {
        if (passed() || plan.failWhenInconclusive() || outcome.interrupted()) {
            return Optional.empty();
        }
        if (capacity != null) {
            return Optional.ofNullable(capacity.generatorLimit());
        }
        if (outcome.stoppedEarly() != null && !outcome.stoppedOnBreach()
                || !verdict.breaches().stream().allMatch(GeneratorLimit::distorts)) {
            return Optional.empty();
        }
        return GeneratorLimit.of(outcome, verdict);
    }

    /** {@code passed}, {@code inconclusive} or {@code failed}; {@code segment} for a segment that ran to its end. */
    public String verdictLabel() {
        if (passed()) {
            return segment() ? "segment" : "passed";
        }
        return inconclusive().isPresent() ? "inconclusive" : "failed";
    }

    /** Samples per second of a count over the measured window. */
    public double perSecond(long count) {
        double seconds = outcome.measuredWindow().toNanos() / 1e9;
        return seconds > 0 ? count / seconds : 0;
    }
}
