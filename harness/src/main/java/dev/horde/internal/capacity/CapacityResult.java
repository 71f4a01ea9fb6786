package dev.horde.internal.capacity;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.plan.CapacityPlan;
import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What a capacity search found: every step it judged, in order, and the highest level of the steps that held before the
 * first that did not.
 *
 * @param plan the search's plan
 * @param steps the steps judged, in rising order; the last one broke, unless every step held
 * @param capacity the highest level that held every budget; empty when even the first step did not
 */
@API(status = INTERNAL, since = "0.1")
public record CapacityResult(CapacityPlan plan, List<CapacityStep> steps, OptionalDouble capacity) {

    /** The step that ended the search: the first that did not hold; null when every judged step held. */
    public CapacityStep ending() {
        return steps.stream().filter(step -> !step.held()).findFirst().orElse(null);
    }

    /** Why the generator, not the service, ended the search; null when it did not. */
    public String generatorLimit() {
        CapacityStep ending = ending();
        return ending == null ? null : ending.generatorLimit();
    }

    /** Whether the search went up to the ceiling with every step holding. */
    public boolean reachedCeiling() {
        return ending() == null && steps.size() == plan.levels().size();
    }

    /** Whether the capacity is at least the plan's minimum (always, without one). */
    public boolean enough() {
        return plan.min() <= 0 || capacity.isPresent() && capacity.getAsDouble() >= plan.min() * (1 - 1e-9);
    }
}
