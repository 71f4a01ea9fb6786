package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.capacity.CapacityResult;
import dev.horde.internal.capacity.CapacityStep;
import dev.horde.internal.container.ContainerTarget;
import dev.horde.internal.engine.GeneratorWarmUp;
import dev.horde.internal.engine.ScheduleStats;
import dev.horde.internal.metrics.ErrorSample;
import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalStats;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.metrics.Secrets;
import dev.horde.internal.metrics.TracedSample;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.ChaosPlan;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.prometheus.Series;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.verdict.Budget;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.BudgetSpec;
import dev.horde.internal.verdict.Diagnosis;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apiguardian.api.API;

/**
 * Writes {@code <report dir>/<fully.qualified.Class>.<method>.json}: the plan, every metric, every budget and the
 * first errors. The schema is documented in {@code docs/json-summary.md}.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonSummary {

    /** Version of the layout below; raised only for changes that are not additions. */
    static final int SCHEMA = 1;

    private JsonSummary() {
    }

    /** Writes the summary of {@code report} and returns its path. Replaces the file atomically. */
    public static Path write(RunResult report) throws IOException {
        Path directory = report.plan().reportDirectory();
        Files.createDirectories(directory);
        Path file = directory.resolve(report.plan().testId() + ".json");
        Path temporary = Files.createTempFile(directory, ".horde-", ".json.tmp");
        try {
            Files.writeString(temporary, render(report), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    static String render(RunResult report) {
        LoadPlan plan = report.plan();
        RunMetrics metrics = report.outcome().metrics();
        JsonWriter json = new JsonWriter().beginObject()
                .name("schema").value(SCHEMA)
                .name("test").value(plan.testId())
                .name("hordeVersion").value(HordeVersion.current())
                .name("verdict").value(report.verdictLabel())
                .name("partial").value(report.outcome().interrupted())
                .name("stoppedEarly").value(report.outcome().stoppedEarly())
                .name("baseline").beginObject()
                .name("directory").value(report.plan().baseline().map(b -> b.directory().toString()).orElse(null))
                .name("startedAt").value(report.plan().baseline().map(Baseline::startedAt).orElse(null))
                .name("notice").value(report.plan().baselineNotice())
                .name("metrics").beginObject();
        for (BaselineTable.Row row : BaselineTable.of(report)) {
            json.name(row.metric()).beginObject()
                    .name("p95Ms").value(row.p95Ms())
                    .name("baselineP95Ms").value(row.baselineP95Ms())
                    .name("rps").value(row.rps())
                    .name("baselineRps").value(row.baselineRps())
                    .endObject();
        }
        json.endObject().endObject()
                .name("diagnosis").value(Diagnosis.of(metrics).orElse(null))
                .name("startedAt").value(report.startedAt().toString());
        segments(json, report);
        json.name("plan").beginObject()
                .name("target").value(plan.target() == null ? null : Secrets.mask(plan.target()))
                .name("targets").beginObject();
        plan.namedTargets().byName().forEach((name, uri) -> json.name(name).value(Secrets.mask(uri)));
        json.endObject().name("containers").beginArray();
        for (ContainerTarget container : plan.containers()) {
            json.beginObject().name("target").value(container.name()).name("id").value(container.containerId())
                    .name("image").value(container.image()).endObject();
        }
        json.endArray()
                .name("controller").value(plan.controller() == null ? null : plan.controller().getName())
                .name("users").value(plan.users())
                .name("duration").value(Durations.format(plan.duration()))
                .name("rampUp").value(Durations.format(plan.rampUp()))
                .name("warmUp").value(Durations.format(plan.warmUp()))
                .name("iterations").value(plan.iterations())
                .name("model").value(plan.model().label())
                .name("pacing").value(Durations.format(plan.pacing()))
                .name("failWhenBehind").value(plan.failWhenBehind())
                .name("failWhenInconclusive").value(plan.failWhenInconclusive());
        ChaosPlan chaos = plan.chaos();
        if (chaos.on()) {
            json.name("chaos").beginObject()
                    .name("delayMin").value(Durations.format(chaos.delayMin()))
                    .name("delayMax").value(Durations.format(chaos.delayMax()))
                    .name("abort").value(chaos.abort())
                    .name("malformed").value(chaos.malformed())
                    .name("dropWebSockets").value(chaos.dropWebSockets())
                    .endObject();
        }
        json.name("stages").beginArray();
        for (PlannedStage stage : plan.stages()) {
            json.beginObject().name("duration").value(Durations.format(stage.duration()))
                    .name(plan.model() == LoadModel.OPEN ? "ratePerSecond" : "users").value(stage.target())
                    .endObject();
        }
        json.endArray();
        json.name("adjustments").beginArray();
        for (Adjustment adjustment : plan.adjustments()) {
            json.beginObject().name("setting").value(adjustment.setting())
                    .name("declared").value(adjustment.declared())
                    .name("effective").value(adjustment.effective())
                    .name("by").value(adjustment.by())
                    .endObject();
        }
        json.endArray();
        json.name("budgets").beginArray(); // as written, for a merge of segments to judge again
        for (Budget budget : plan.budgets()) {
            json.beginObject();
            BudgetSpec.of(budget).forEach((field, value) -> json.name(field).value(value));
            json.endObject();
        }
        json.endArray().endObject();
        json.name("run").beginObject()
                .name("threads").value(report.plan().threads().label())
                .name("seed").value(Long.toString(report.plan().seed()))
                .name("usersStarted").value(report.outcome().usersStarted())
                .name("maxStartDelayMs").value(report.outcome().maxStartDelay().toNanos() / 1e6)
                .name("usersNotStopped").value(report.outcome().usersNotStopped())
                .name("elapsedMs").value(report.outcome().elapsed().toNanos() / 1e6)
                .name("measuredMs").value(report.outcome().measuredWindow().toNanos() / 1e6)
                .name("generatorCpu").value(report.outcome().generatorCpu())
                .name("generatorSaturatedShare").value(report.outcome().saturatedShare())
                .name("latencyIncludesGeneratorQueueing").value(report.outcome().generatorSaturated());
        ScheduleStats schedule = report.outcome().schedule();
        if (schedule != null) {
            json.name("schedule").beginObject()
                    .name("due").value(schedule.due())
                    .name("started").value(schedule.started())
                    .name("late").value(schedule.late())
                    .name("dropped").value(schedule.dropped())
                    .name("maxLagMs").value(schedule.maxLag().toNanos() / 1e6)
                    .name("lateAfterMs").value(LoadPlan.LATE.toMillis())
                    .name("behind").value(schedule.behind())
                    .endObject();
        }
        json.endObject();
        GeneratorWarmUp.Result warmUp = report.generatorWarmUp();
        if (warmUp != null) {
            json.name("generatorWarmUp").beginObject()
                    .name("users").value(warmUp.users())
                    .name("ms").value(warmUp.took().toMillis())
                    .name("iterations").value(warmUp.iterations())
                    .name("failed").value(warmUp.failed())
                    .name("firstCpuMsPerIteration").value(warmUp.firstCpuMs())
                    .name("lastCpuMsPerIteration").value(warmUp.lastCpuMs())
                    .name("settled").value(warmUp.settled())
                    .endObject();
        }
        json.name("metrics").beginObject();
        for (MetricSnapshot metric : metrics.byName().values()) {
            metric(json, report, metric);
        }
        if (metrics.allRequests() != null) {
            metric(json, report, metrics.allRequests());
        }
        json.endObject();
        json.name("timeSeries").beginArray();
        for (Interval interval : metrics.timeSeries()) {
            json.beginObject()
                    .name("startMs").value(interval.startMs())
                    .name("endMs").value(interval.endMs())
                    .name("activeUsers").value(interval.activeUsers())
                    .name("measured").value(interval.measured())
                    .name("generatorCpu").value(interval.generatorCpu())
                    .name("machineCpu").value(interval.machineCpu());
            json.name("metrics").beginObject();
            for (IntervalStats stats : interval.metrics()) {
                json.name(stats.metric()).beginObject()
                        .name("count").value(stats.count())
                        .name("failed").value(stats.failed())
                        .name("p50Ms").value(stats.p50Ms())
                        .name("p95Ms").value(stats.p95Ms())
                        .name("p99Ms").value(stats.p99Ms())
                        .name("maxMs").value(stats.maxMs())
                        .endObject();
            }
            json.endObject();
            target(json, report, interval);
            json.endObject();
        }
        json.endArray();
        json.name("budgets").beginArray();
        for (BudgetResult budget : report.verdict().results()) {
            json.beginObject()
                    .name("description").value(budget.description())
                    .name("metric").value(budget.metric())
                    .name("quantity").value(budget.quantity().label())
                    .name("statistic").value(budget.statistic() == null ? null : budget.statistic().label())
                    .name("measured").value(budget.measured(), budget.unit() == BudgetResult.Unit.TARGET)
                    .name("limit").value(budget.limit(), budget.unit() == BudgetResult.Unit.TARGET)
                    .name("unit").value(budget.unit().symbol())
                    .name("passed").value(budget.passed())
                    .name("implicit").value(budget.implicit())
                    .name("message").value(budget.message())
                    .endObject();
        }
        json.endArray();
        capacity(json, report);
        targetMetrics(json, report);
        json.name("errorSamples").beginArray();
        for (ErrorSample sample : metrics.errorSamples()) {
            json.beginObject()
                    .name("metric").value(sample.metric())
                    .name("cause").value(sample.cause())
                    .name("stackTrace").value(sample.stackTrace())
                    .name("traceId").value(sample.traceId());
            Traces.link(report.plan(), sample.traceId()).ifPresent(link -> json.name("link").value(link));
            json.endObject();
        }
        json.endArray();
        return json.endObject().toString();
    }

    /** Which share of the load test this JVM ran, or which segments' reports were merged; nothing otherwise. */
    private static void segments(JsonWriter json, RunResult report) {
        LoadPlan plan = report.plan();
        if (report.segment()) {
            json.name("segment").beginObject()
                    .name("index").value(plan.segment().index())
                    .name("count").value(plan.segment().count())
                    .name("users").value(plan.segment().share(plan.users(), plan.model()))
                    .name("startAt").value(plan.startAt() == null ? null : plan.startAt().toString())
                    .endObject();
        }
        MergedSegments merged = report.merged();
        if (merged != null) {
            json.name("merged").beginObject().name("segments").value(merged.count()).name("summaries").beginArray();
            merged.summaries().forEach(json::value);
            json.endArray().name("notes").beginArray();
            merged.notes().forEach(json::value);
            json.endArray().endObject();
        }
    }

    /**
     * The target's readings of one series (a container's CPU and memory, a target metric of one series) at the
     * interval: the value read within it, by name; left out when none was.
     */
    private static void target(JsonWriter json, RunResult report, Interval interval) {
        long from = report.startedAt().toEpochMilli() + interval.startMs();
        long to = report.startedAt().toEpochMilli() + interval.endMs();
        boolean open = false;
        for (TargetReading reading : report.targetReadings()) {
            if (reading.series().size() != 1) {
                continue;
            }
            Series series = reading.series().get(0);
            for (int i = 0; i < series.times().length; i++) {
                if (series.times()[i] > from && series.times()[i] <= to) {
                    if (!open) {
                        json.name("target").beginObject();
                        open = true;
                    }
                    json.name(reading.query().name()).precise(series.values()[i]);
                    break;
                }
            }
        }
        if (open) {
            json.endObject();
        }
    }

    /** Each target metric: its query as sent, its window, and every series' points as [epoch ms, value]. */
    private static void targetMetrics(JsonWriter json, RunResult report) {
        json.name("targetMetrics").beginArray();
        for (TargetReading reading : report.targetReadings()) {
            json.beginObject()
                    .name("name").value(reading.query().name())
                    .name("source").value(reading.source())
                    .name("query").value(reading.promql())
                    .name("fromMs").value(reading.from().toEpochMilli())
                    .name("toMs").value(reading.to().toEpochMilli())
                    .name("stepMs").value(reading.step().toMillis())
                    .name("problem").value(reading.problem().orElse(null))
                    .name("series").beginArray();
            for (Series series : reading.series()) {
                json.beginObject().name("labels").beginObject();
                series.labels().forEach((label, value) -> json.name(label).value(value));
                json.endObject().name("points").beginArray();
                for (int i = 0; i < series.times().length; i++) {
                    json.beginArray().value(series.times()[i]).precise(series.values()[i]).endArray();
                }
                json.endArray().endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
    }

    /** A capacity search's finding and every step it judged; nothing for an ordinary load test. */
    private static void capacity(JsonWriter json, RunResult report) {
        CapacityResult result = report.capacity();
        if (result == null) {
            return;
        }
        json.name("capacity").beginObject()
                .name("unit").value(result.plan().unit())
                .name("found").value(result.capacity().isPresent() ? result.capacity().getAsDouble() : Double.NaN)
                .name("min").value(result.plan().min())
                .name("reachedCeiling").value(result.reachedCeiling())
                .name("generatorLimit").value(result.generatorLimit())
                .name("steps").beginArray();
        for (CapacityStep step : result.steps()) {
            json.beginObject()
                    .name("level").value(step.level())
                    .name("fromMs").value(step.fromMs())
                    .name("toMs").value(step.toMs())
                    .name("throughput").value(step.throughput())
                    .name("p50Ms").value(step.p50Ms())
                    .name("p95Ms").value(step.p95Ms())
                    .name("p99Ms").value(step.p99Ms())
                    .name("errorRate").value(step.errorRate())
                    .name("missed").value(step.missed())
                    .name("generatorCpu").value(step.generatorCpu())
                    .name("held").value(step.held())
                    .name("generatorLimit").value(step.generatorLimit())
                    .name("breaches").beginArray();
            step.breaches().forEach(breach -> json.value(breach.shown()));
            json.endArray().endObject();
        }
        json.endArray().endObject();
    }

    private static void metric(JsonWriter json, RunResult report, MetricSnapshot metric) {
        json.name(metric.name()).beginObject()
                .name("kind").value(metric.kind().name().toLowerCase(Locale.ROOT))
                .name("sent").value(metric.sent())
                .name("ok").value(metric.ok())
                .name("failed").value(metric.failed())
                .name("unfinished").value(metric.unfinished())
                .name("count").value(metric.count())
                .name("rps").value(report.perSecond(metric.count()))
                .name("p50Ms").value(metric.percentileMillis(50))
                .name("p90Ms").value(metric.percentileMillis(90))
                .name("p95Ms").value(metric.percentileMillis(95))
                .name("p99Ms").value(metric.percentileMillis(99))
                .name("p999Ms").value(metric.percentileMillis(99.9))
                .name("maxMs").value(metric.maxMillis())
                .name("meanMs").value(metric.meanMillis());
        if (metric.failed() > 0) {
            Histogram failed = metric.failedLatencies();
            json.name("failedLatency").beginObject()
                    .name("p50Ms").value(failed.getValueAtPercentile(50) / 1_000.0)
                    .name("p95Ms").value(failed.getValueAtPercentile(95) / 1_000.0)
                    .name("maxMs").value(failed.getMaxValue() / 1_000.0)
                    .endObject();
        }
        json.name("errors").beginObject();
        for (Map.Entry<String, Long> error : metric.errors().entrySet()) {
            json.name(error.getKey()).value(error.getValue());
        }
        json.endObject().name("slowest").beginArray();
        for (TracedSample sample : metric.slowest()) {
            json.beginObject()
                    .name("ms").value(sample.millis())
                    .name("traceId").value(sample.traceId())
                    .name("spanId").value(sample.spanId())
                    .name("at").value(Instant.ofEpochMilli(sample.epochMillis()).toString());
            Traces.link(report.plan(), sample.traceId()).ifPresent(link -> json.name("link").value(link));
            json.endObject();
        }
        json.endArray().endObject();
    }
}
