package dev.horde.internal.report;

import dev.horde.MetricNames;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.metrics.ConcretePaths;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.plan.ThreadKind;
import dev.horde.internal.verdict.ScheduleCheck;
import java.util.ArrayList;
import java.util.List;

/** What a finished load test warns about without failing: the console and the HTML page show the same warnings. */
final class SummaryWarnings {

    /** From this share of an open-model pool busy on average, arrivals are about to queue. */
    static final double POOL_BUSY = 0.8;

    private SummaryWarnings() {
    }

    static List<String> of(RunResult report) {
        RunOutcome outcome = report.outcome();
        List<String> warnings = new ArrayList<>();
        if (outcome.stoppedEarly() != null && !report.endedSearch()) {
            warnings.add("stopped early: " + outcome.stoppedEarly());
        }
        warnings.addAll(ConcretePaths.warnings(outcome.metrics().ofKind(MetricKind.REQUEST).stream()
                .map(MetricSnapshot::name).toList()));
        if (outcome.metrics().find(MetricNames.OVERFLOW).isPresent()) {
            warnings.add("more than " + Format.count(MetricRegistry.MAX_METRICS)
                    + " metric names; the samples of the others are counted together under '" + MetricNames.OVERFLOW
                    + "'. Write paths as templates, api.get(\"/items/{id}\", id), or name requests with"
                    + " .as(\"GET /items/{id}\")");
        }
        if (outcome.scheduleMissed()) {
            warnings.add(Format.count(outcome.usersStarted()) + " of " + Format.count(outcome.usersPlanned())
                    + " users started, the latest " + Format.millis(outcome.maxStartDelay().toNanos() / 1e6)
                    + " late: the load generator could not keep its schedule"
                    + (report.plan().threads() == ThreadKind.VIRTUAL
                            ? " (virtual threads are not preempted: CPU-heavy clients make users wait for each other;"
                                    + " compare with -Dhorde.threads=platform)"
                            : ""));
        }
        boolean behind = outcome.schedule() != null && outcome.schedule().behind();
        if (behind && !report.plan().failWhenBehind()) {
            warnings.add(ScheduleCheck.message(report.plan(), outcome.schedule(), outcome.metrics()));
        } else if (!behind && ScheduleCheck.poolTooSmall(report.plan(), outcome.metrics(), POOL_BUSY)) {
            warnings.add("the pool of " + Format.count(report.plan().users(), "user") + " was nearly always busy, so arriving"
                    + " iterations may wait for a free user: " + ScheduleCheck.poolNeeded(report.plan(),
                    outcome.metrics()).orElseThrow());
        }
        if (outcome.generatorSaturated()) {
            warnings.add(GeneratorLoad.describe(outcome));
        }
        if (outcome.usersNotStopped() > 0) {
            warnings.add(outcome.usersNotStopped() + " users ignored the interrupt at the end and were abandoned");
        }
        return warnings;
    }
}
