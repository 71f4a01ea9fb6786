package dev.horde.internal.capacity;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.verdict.BudgetResult;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One step of a capacity search, judged on its seconds after it settled.
 *
 * @param level the load the step applied: users, or iterations per second
 * @param fromMs start of the judged part, ms since the run started
 * @param toMs its end
 * @param throughput samples per second of all requests (of iterations when there were none)
 * @param p50Ms median latency of the samples that succeeded, ms; NaN without samples
 * @param p95Ms 95th percentile, ms
 * @param p99Ms 99th percentile, ms
 * @param errorRate the share of those samples that failed
 * @param missed iterations that started late or never, as a share of those due (open model, paced users); 0 without
 *     a schedule
 * @param generatorCpu this JVM's share of all cores during the step, from 0 to 1; NaN if unknown
 * @param budgets every budget judged on the step
 * @param generatorLimit why the load generator was the limit during the step; null when it was not
 */
@API(status = INTERNAL, since = "0.1")
public record CapacityStep(double level, long fromMs, long toMs, double throughput, double p50Ms, double p95Ms,
        double p99Ms, double errorRate, double missed, double generatorCpu, List<BudgetResult> budgets,
        String generatorLimit) {

    /** Whether every budget held and the generator kept up. */
    public boolean held() {
        return generatorLimit == null && budgets.stream().allMatch(BudgetResult::passed);
    }

    /** The budgets the step broke. */
    public List<BudgetResult> breaches() {
        return budgets.stream().filter(budget -> !budget.passed()).toList();
    }
}
