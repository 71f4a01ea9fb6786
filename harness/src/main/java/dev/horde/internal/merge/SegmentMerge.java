package dev.horde.internal.merge;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MergedMetrics;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.plan.Segment;
import dev.horde.internal.plan.ThreadKind;
import dev.horde.internal.report.MergedSegments;
import dev.horde.internal.report.RunResult;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.BudgetSpec;
import dev.horde.internal.verdict.Verdict;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result of one load test put together from its segments' reports: the plan as they recorded it, every metric
 * merged exactly interval by interval on a common clock (the common start, else the earliest segment's), and the
 * plan's budgets judged on the merged metrics.
 */
final class SegmentMerge {

    /** A segment that starts later than this after the common start is noted: its load came late. */
    static final Duration LATE = Duration.ofMillis(500);

    private SegmentMerge() {
    }

    /** A merged result, and the merged histograms of every interval for the merged HdrHistogram log. */
    record Merged(RunResult report, MergedMetrics metrics) {
    }

    /**
     * The merged result of {@code set}, reported to {@code reportDirectory} (and {@code junitDirectory}, or null);
     * regression budgets compare with the run in {@code baseline}, or are left out when it is null.
     *
     * @throws SegmentSet.Refused when the baseline ran another plan
     */
    static Merged merge(SegmentSet set, Path reportDirectory, Path junitDirectory, Path baseline)
            throws IOException, SegmentSet.Refused {
        SegmentReport first = set.segments().get(0);
        Instant origin = first.startAt().orElseGet(() -> set.segments().stream().map(SegmentReport::startedAt)
                .min(Instant::compareTo).orElseThrow());
        List<String> notes = new ArrayList<>();
        String baselineNotice = null;
        Baseline compared = null;
        boolean regressions = first.json().path("plan").path("budgets").findValuesAsText("type").contains("regression");
        if (baseline == null && regressions) {
            baselineNotice = "no baseline given (--baseline <dir>): regression budgets not judged";
        } else if (baseline != null) {
            Optional<Baseline> found = Baseline.read(baseline, set.test());
            if (found.isEmpty()) {
                baselineNotice = "no baseline of " + set.test() + " in " + baseline + "; regression budgets not judged";
            }
            compared = found.orElse(null);
        }
        LoadPlan plan = plan(first.json(), set.test(), reportDirectory, junitDirectory, compared, baselineNotice);
        if (compared != null) {
            Optional<String> differences = compared.differences(plan);
            if (differences.isPresent()) {
                throw new SegmentSet.Refused(set.test() + ": the baseline in " + baseline + " ran another plan ("
                        + differences.get() + "): compare with a run of this plan");
            }
        }
        MergedMetrics merged = new MergedMetrics(plan.intervalMetrics());
        long measuredMs = 0;
        long endMs = 0;
        long maxStartDelayNanos = 0;
        int planned = 0;
        int started = 0;
        int notStopped = 0;
        boolean partial = false;
        List<Double> cpu = new ArrayList<>();
        ScheduleStats schedule = null;
        List<String> stopped = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (SegmentReport segment : set.segments()) {
            for (String setting : SegmentSet.TARGETS) {
                JsonNode value = segment.json().path("plan").path(setting);
                if (!value.equals(first.json().path("plan").path(setting))) {
                    notes.add("segment " + segment.label() + " reached " + setting + " " + value + ", segment "
                            + first.label() + " " + first.json().path("plan").path(setting));
                }
            }
            segment.addTo(merged, origin);
            summaries.add(segment.summary().toString());
            JsonNode run = segment.json().path("run");
            long lateMs = segment.startedAt().toEpochMilli() - origin.toEpochMilli();
            if (lateMs > LATE.toMillis()) {
                notes.add("segment " + segment.label() + " started " + Format.number(lateMs / 1000.0) + " s after "
                        + (first.startAt().isPresent() ? "the common start" : "the first segment"));
            }
            measuredMs = Math.max(measuredMs, Math.round(run.path("measuredMs").asDouble()));
            endMs = Math.max(endMs, lateMs + Math.round(run.path("elapsedMs").asDouble()));
            maxStartDelayNanos = Math.max(maxStartDelayNanos,
                    Math.round(run.path("maxStartDelayMs").asDouble() * 1e6) + Math.max(0, lateMs) * 1_000_000);
            planned += segment.json().path("segment").path("users").asInt();
            started += run.path("usersStarted").asInt();
            notStopped += run.path("usersNotStopped").asInt();
            partial |= segment.json().path("partial").asBoolean();
            cpu.add(run.path("generatorCpu").asDouble(Double.NaN));
            schedule = add(schedule, run.path("schedule"));
            if (segment.json().path("stoppedEarly").isTextual()) {
                stopped.add("segment " + segment.label() + ": " + segment.json().path("stoppedEarly").asText());
            }
        }
        RunOutcome outcome = new RunOutcome(merged.build(), Duration.ofMillis(measuredMs), Duration.ofMillis(endMs),
                planned, started, Duration.ofNanos(maxStartDelayNanos), notStopped, partial,
                cpu.stream().filter(c -> !Double.isNaN(c)).mapToDouble(Double::doubleValue).average()
                        .orElse(Double.NaN),
                plan.scheduled() ? schedule : null, stopped.isEmpty() ? null : String.join("; ", stopped), false);
        return new Merged(new RunResult(plan, outcome, Verdict.of(plan, outcome), origin, null, List.of(), null,
                new MergedSegments(set.segments().size(), List.copyOf(summaries), List.copyOf(notes))), merged);
    }

    /** The plan a segment's summary recorded, whole again: its users, stages and budgets. */
    private static LoadPlan plan(JsonNode json, String test, Path reportDirectory, Path junitDirectory,
            Baseline baseline, String baselineNotice) {
        JsonNode plan = json.path("plan");
        LoadModel model = LoadModel.valueOf(plan.path("model").asText("closed").toUpperCase(Locale.ROOT));
        List<PlannedStage> stages = new ArrayList<>();
        for (JsonNode stage : plan.path("stages")) {
            stages.add(new PlannedStage(duration(stage.path("duration")),
                    stage.path(model == LoadModel.OPEN ? "ratePerSecond" : "users").asDouble()));
        }
        Duration duration = duration(plan.path("duration"));
        Duration rampUp = duration(plan.path("rampUp"));
        double level = stages.isEmpty() ? 0 : stages.get(stages.size() - 1).target();
        List<Budget> budgets = new ArrayList<>();
        for (JsonNode spec : plan.path("budgets")) {
            Map<String, String> fields = new LinkedHashMap<>();
            spec.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
            BudgetSpec.parse(fields, baseline).ifPresent(budgets::add);
        }
        List<Adjustment> adjustments = new ArrayList<>();
        for (JsonNode adjustment : plan.path("adjustments")) {
            adjustments.add(new Adjustment(adjustment.path("setting").asText(), adjustment.path("declared").asText(),
                    adjustment.path("effective").asText(), adjustment.path("by").asText()));
        }
        JsonNode startAt = json.path("segment").path("startAt");
        return LoadPlan.builder(test)
                .users(plan.path("users").asInt())
                .duration(duration)
                .rampUp(rampUp)
                .stages(model, stages, !stages.equals(LoadPlan.ramp(level, duration, rampUp)))
                .warmUp(duration(plan.path("warmUp")))
                .iterations(plan.path("iterations").asInt())
                .pacing(duration(plan.path("pacing")))
                .threads(ThreadKind.valueOf(json.path("run").path("threads").asText("auto").toUpperCase(Locale.ROOT)))
                .seed(Long.parseLong(json.path("run").path("seed").asText("0")))
                .reportDirectory(reportDirectory)
                .junitDirectory(junitDirectory)
                .budgets(budgets)
                .failWhenBehind(plan.path("failWhenBehind").asBoolean(true))
                .failWhenInconclusive(plan.path("failWhenInconclusive").asBoolean(false))
                .target(plan.path("target").isTextual() ? URI.create(plan.path("target").asText()) : null)
                .adjustments(adjustments)
                .baseline(baselineNotice, null)
                .segment(Segment.WHOLE,
                        startAt.isTextual() ? Instant.parse(startAt.asText()) : null)
                .build();
    }

    private static Duration duration(JsonNode text) {
        return Durations.parse(text.asText("0s")).orElse(Duration.ZERO);
    }

    private static ScheduleStats add(ScheduleStats sum, JsonNode schedule) {
        if (schedule.isMissingNode()) {
            return sum;
        }
        ScheduleStats more = new ScheduleStats(schedule.path("due").asLong(), schedule.path("started").asLong(),
                schedule.path("late").asLong(), schedule.path("dropped").asLong(),
                Duration.ofNanos(Math.round(schedule.path("maxLagMs").asDouble() * 1e6)));
        return sum == null ? more : new ScheduleStats(sum.due() + more.due(), sum.started() + more.started(),
                sum.late() + more.late(), sum.dropped() + more.dropped(),
                sum.maxLag().compareTo(more.maxLag()) >= 0 ? sum.maxLag() : more.maxLag());
    }
}
