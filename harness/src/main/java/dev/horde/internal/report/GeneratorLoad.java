package dev.horde.internal.report;

import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.Format;

/** How busy the load generator itself was, in words, for runs whose latencies include its own queueing. */
final class GeneratorLoad {

    private GeneratorLoad() {
    }

    /**
     * {@code "the load generator was saturated in 40% of the measured window (this JVM used more than 90% of 2 cores
     * in those seconds, 88.1% over the steady window): ..."}.
     */
    static String describe(RunOutcome outcome) {
        double share = outcome.saturatedShare();
        StringBuilder text = new StringBuilder("the load generator was saturated");
        if (!Double.isNaN(share)) {
            text.append(" in ").append(Format.percent(share)).append(" of the measured window");
        }
        text.append(" (this JVM used more than ").append(Format.percent(RunOutcome.SATURATED_CPU)).append(" of ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores");
        if (!Double.isNaN(outcome.generatorCpu())) {
            text.append("; ").append(Format.percent(outcome.generatorCpu())).append(" over the steady window");
        }
        return text.append("): its latencies include requests waiting for the generator's own CPU; run fewer users,"
                + " the lean client, or more cores").toString();
    }
}
