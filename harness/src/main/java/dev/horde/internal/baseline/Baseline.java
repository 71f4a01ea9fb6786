package dev.horde.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horde.MetricNames;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.apiguardian.api.API;

/**
 * An earlier run of a load test to compare this one with: its plan as its JSON summary recorded it, and the
 * histograms of each metric's samples that succeeded, interval by interval, from its HdrHistogram log. A baseline is
 * a report directory of that run ({@code target/horde}, e.g. the main branch's CI artifact) holding
 * {@code <test>.json} and {@code <test>.hlog}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Baseline {

    private final Path directory;
    private final String startedAt;
    private final Map<String, String> shape;
    private final Map<String, List<Interval>> intervals;
    private final Map<String, Figures> figures;

    private Baseline(Path directory, String startedAt, Map<String, String> shape,
            Map<String, List<Interval>> intervals, Map<String, Figures> figures) {
        this.directory = directory;
        this.startedAt = startedAt;
        this.shape = shape;
        this.intervals = intervals;
        this.figures = figures;
    }

    /**
     * A metric's figures in the baseline's summary.
     *
     * @param p95Ms the 95th percentile of the samples that succeeded, ms
     * @param rps samples per second over the measured window
     * @param errorRate the share of samples that failed
     */
    public record Figures(double p95Ms, double rps, double errorRate) {
    }

    /** One interval of a metric: its length and its samples that succeeded (microseconds). */
    public record Interval(long startMs, long endMs, Histogram latencies) {
    }

    /**
     * The baseline of {@code testId} in {@code directory}; empty when the directory holds no summary of that test.
     *
     * @throws IOException when the summary or the log is there but cannot be read
     */
    public static Optional<Baseline> read(Path directory, String testId) throws IOException {
        Path summary = directory.resolve(testId + ".json");
        Path log = directory.resolve(testId + ".hlog");
        if (!Files.exists(summary)) {
            return Optional.empty();
        }
        if (!Files.exists(log)) {
            throw new IOException("the baseline " + summary + " has no HdrHistogram log beside it (" + log.getFileName()
                    + "): keep the whole report directory of the earlier run");
        }
        JsonNode json = new ObjectMapper().readTree(summary.toFile());
        Map<String, String> tags = new LinkedHashMap<>(); // log tag → metric, requests only for "*"
        List<String> requests = new ArrayList<>();
        Map<String, Figures> figures = new LinkedHashMap<>();
        json.path("metrics").fields().forEachRemaining(metric -> {
            tags.put(tag(metric.getKey()), metric.getKey());
            JsonNode values = metric.getValue();
            double count = values.path("count").asDouble();
            figures.put(metric.getKey(), new Figures(values.path("p95Ms").asDouble(Double.NaN),
                    values.path("rps").asDouble(Double.NaN),
                    count == 0 ? 0 : values.path("failed").asDouble() / count));
            if (metric.getValue().path("kind").asText().equals("request")) {
                requests.add(metric.getKey());
            }
        });
        return Optional.of(new Baseline(directory, json.path("startedAt").asText(), shape(json.path("plan")),
                intervals(log, tags, requests), figures));
    }

    /**
     * Copies a run's {@code summary} and HdrHistogram {@code log} into {@code directory}, where a later run finds them
     * as its baseline; returns the directory.
     */
    public static Path record(Path directory, Path summary, Path log) throws IOException {
        Files.createDirectories(directory);
        Files.copy(summary, directory.resolve(summary.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(log, directory.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return directory;
    }

    /** The report directory the baseline was read from. */
    public Path directory() {
        return directory;
    }

    /** When the baseline's run started, as its summary says. */
    public String startedAt() {
        return startedAt;
    }

    /** The baseline's figures of {@code metric}; empty when its summary has none. */
    public Optional<Figures> figures(String metric) {
        return Optional.ofNullable(figures.get(metric));
    }

    /** The measured intervals of {@code metric} ({@code *} for all requests), oldest first; empty if it had none. */
    public List<Interval> intervals(String metric) {
        return intervals.getOrDefault(metric, List.of());
    }

    /**
     * What differs between the baseline's plan and {@code plan}: users, model, duration, ramp-up, warm-up, pacing and
     * stages, e.g. {@code users 10 there, 20 here}; empty when nothing does.
     */
    public Optional<String> differences(LoadPlan plan) {
        Map<String, String> here = shape(plan);
        List<String> differences = new ArrayList<>();
        here.forEach((setting, value) -> {
            String there = shape.getOrDefault(setting, "(not recorded)");
            if (!there.equals(value)) {
                differences.add(setting + " " + there + " there, " + value + " here");
            }
        });
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static Map<String, String> shape(LoadPlan plan) {
        Map<String, String> shape = new LinkedHashMap<>();
        shape.put("users", Integer.toString(plan.users()));
        shape.put("model", plan.model().label());
        shape.put("duration", Durations.format(plan.duration()));
        shape.put("rampUp", Durations.format(plan.rampUp()));
        shape.put("warmUp", Durations.format(plan.warmUp()));
        shape.put("pacing", Durations.format(plan.pacing()));
        List<String> stages = new ArrayList<>();
        for (PlannedStage stage : plan.stages()) {
            stages.add(Durations.format(stage.duration()) + " → " + number(stage.target()));
        }
        shape.put("stages", String.join(", ", stages));
        return shape;
    }

    private static Map<String, String> shape(JsonNode plan) {
        Map<String, String> shape = new LinkedHashMap<>();
        shape.put("users", plan.path("users").asText());
        shape.put("model", plan.path("model").asText());
        shape.put("duration", plan.path("duration").asText());
        shape.put("rampUp", plan.path("rampUp").asText());
        shape.put("warmUp", plan.path("warmUp").asText());
        shape.put("pacing", plan.path("pacing").asText());
        List<String> stages = new ArrayList<>();
        for (JsonNode stage : plan.path("stages")) {
            JsonNode target = stage.has("users") ? stage.path("users") : stage.path("ratePerSecond");
            stages.add(stage.path("duration").asText() + " → " + number(target.asDouble()));
        }
        shape.put("stages", String.join(", ", stages));
        return shape;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The log's histograms of samples that succeeded, by metric and start; {@code *} sums the requests'. */
    private static Map<String, List<Interval>> intervals(Path log, Map<String, String> tags, List<String> requests)
            throws IOException {
        Map<String, TreeMap<Long, Interval>> byMetric = new LinkedHashMap<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        try {
            EncodableHistogram read;
            while ((read = reader.nextIntervalHistogram()) != null) {
                String metric = read.getTag() == null ? null : tags.get(read.getTag());
                if (metric == null || !(read instanceof Histogram histogram)) {
                    continue; // the samples that failed, or a tag this summary does not name
                }
                long startMs = read.getStartTimeStamp();
                Interval interval = new Interval(startMs, read.getEndTimeStamp(), histogram);
                byMetric.computeIfAbsent(metric, m -> new TreeMap<>()).put(startMs, interval);
                if (requests.contains(metric)) {
                    byMetric.computeIfAbsent(MetricNames.ALL_REQUESTS, m -> new TreeMap<>()).merge(startMs, interval,
                            (sum, more) -> {
                                Histogram merged = sum.latencies().copy();
                                merged.add(more.latencies());
                                return new Interval(sum.startMs(), Math.max(sum.endMs(), more.endMs()), merged);
                            });
                }
            }
        } finally {
            reader.close();
        }
        Map<String, List<Interval>> intervals = new LinkedHashMap<>();
        byMetric.forEach((metric, byStart) -> intervals.put(metric, List.copyOf(byStart.values())));
        return intervals;
    }

    /** A metric's tag in an HdrHistogram log, as {@code HdrLog} writes it. */
    private static String tag(String metric) {
        return metric.replace(' ', '_').replace(',', ';');
    }
}
