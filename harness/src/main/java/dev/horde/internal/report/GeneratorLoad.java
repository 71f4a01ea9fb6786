package dev.horde.internal.report;

import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.Format;

/** How busy the cores were, in words, for runs whose latencies include requests waiting for a core. */
final class GeneratorLoad {

    private GeneratorLoad() {
    }

    /**
     * {@code "the load generator's cores were saturated in 40% of the measured window (more than 90% of 2 cores busy;
     * this JVM used 88.1% over the steady window): ..."}.
     */
    static String describe(RunOutcome outcome) {
        double share = outcome.saturatedShare();
        StringBuilder text = new StringBuilder("the load generator's cores were saturated");
        if (!Double.isNaN(share)) {
            text.append(" in ").append(Format.percent(share)).append(" of the measured window");
        }
        text.append(" (more than ").append(Format.percent(RunOutcome.SATURATED_CPU)).append(" of ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores busy");
        if (!Double.isNaN(outcome.generatorCpu())) {
            text.append("; this JVM used ").append(Format.percent(outcome.generatorCpu()))
                    .append(" over the steady window");
        }
        return text.append("): latencies include requests waiting for a core; run fewer users, the lean client, the"
                + " target elsewhere, or more cores").toString();
    }
}
