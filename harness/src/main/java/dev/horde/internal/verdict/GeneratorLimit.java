package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether the load generator itself was the limit of a run: behind its schedule beyond the allowed share, or this JVM
 * above {@link RunOutcome#SATURATED_CPU} of all cores once every user had started. Then a broken latency, throughput
 * or schedule budget may be the generator's doing, not the service's: the run is inconclusive about it.
 */
@API(status = INTERNAL, since = "0.1")
public final class GeneratorLimit {

    private GeneratorLimit() {
    }

    /** What made the generator the limit, e.g. {@code this JVM used 96% of all cores}; empty if nothing did. */
    public static Optional<String> of(RunOutcome outcome, Verdict verdict) {
        List<String> reasons = new ArrayList<>();
        if (outcome.generatorCpu() > RunOutcome.SATURATED_CPU) {
            reasons.add("this JVM used " + Format.percent(outcome.generatorCpu())
                    + " of all cores once every user had started");
        }
        verdict.results().stream()
                .filter(result -> result.quantity() == BudgetResult.Quantity.SCHEDULE_MISSED && !result.passed())
                .findFirst().ifPresent(schedule -> reasons.add(schedule.message()));
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * Whether a breach of {@code result} can be the generator's doing: latency, throughput, the schedule, a
     * regression of latency or throughput against a baseline, and a capacity below its minimum.
     */
    public static boolean distorts(BudgetResult result) {
        return switch (result.quantity()) {
            case LATENCY, THROUGHPUT, SCHEDULE_MISSED, REGRESSION, CAPACITY -> true;
            default -> false;
        };
    }
}
