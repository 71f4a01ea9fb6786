package dev.horde.internal.report;

import dev.horde.internal.capacity.CapacityResult;
import dev.horde.internal.capacity.CapacityStep;
import dev.horde.internal.metrics.Format;
import java.util.ArrayList;
import java.util.List;

/** A capacity search's steps as table rows: the level, what it achieved, and whether it held. */
final class CapacityTable {

    static final List<String> HEADER = List.of("step", "req/s", "p50", "p95", "p99", "errors", "late", "cpu", "held");

    private CapacityTable() {
    }

    /** The header, then a row per judged step. */
    static List<List<String>> rows(CapacityResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CapacityStep step : result.steps()) {
            rows.add(List.of(result.plan().format(step.level()), Format.number(step.throughput()), millis(step.p50Ms()),
                    millis(step.p95Ms()), millis(step.p99Ms()), Format.percent(step.errorRate()),
                    Format.percent(step.missed()),
                    Double.isNaN(step.generatorCpu()) ? "-" : Format.percent(step.generatorCpu()),
                    step.generatorLimit() != null ? "generator limit" : step.held() ? "yes" : "no"));
        }
        return rows;
    }

    private static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : Format.millis(millis);
    }
}
