package dev.horde.internal.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horde.internal.metrics.ErrorSample;
import dev.horde.internal.metrics.MergedMetrics;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.TracedSample;
import dev.horde.internal.report.HdrLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * One segment's report: its JSON summary ({@code <test>.json} with a {@code segment} object) and the HdrHistogram
 * log beside it.
 *
 * @param summary the JSON summary's path
 * @param json its content
 * @param index which segment, from 1
 * @param count of how many
 */
record SegmentReport(Path summary, JsonNode json, int index, int count) {

    /**
     * The segment report in {@code summary}; empty when it is not a segment's summary named {@code <test>.json} (or
     * not Horde's at all).
     */
    static Optional<SegmentReport> read(Path summary) throws IOException {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(summary.toFile());
        } catch (IOException e) {
            return Optional.empty(); // some other JSON file, or none at all
        }
        JsonNode segment = json.path("segment");
        if (!json.path("test").isTextual() || !segment.path("index").isInt() || !segment.path("count").isInt()
                || !summary.getFileName().toString().equals(json.path("test").asText() + ".json")) {
            return Optional.empty(); // not a segment's summary, or a copy of one (an Allure attachment)
        }
        return Optional.of(new SegmentReport(summary, json, segment.path("index").asInt(),
                segment.path("count").asInt()));
    }

    /** The load test, e.g. {@code com.example.BrowseTest.browse}. */
    String test() {
        return json.path("test").asText();
    }

    /** {@code 2/8}. */
    String label() {
        return index + "/" + count;
    }

    /** The version of Horde that wrote it. */
    String version() {
        return json.path("hordeVersion").asText("unknown");
    }

    /** When its run started. */
    Instant startedAt() {
        return Instant.parse(json.path("startedAt").asText());
    }

    /** The common start it waited for; empty when it had none. */
    Optional<Instant> startAt() {
        JsonNode startAt = json.path("segment").path("startAt");
        return startAt.isTextual() ? Optional.of(Instant.parse(startAt.asText())) : Optional.empty();
    }

    /** The HdrHistogram log beside the summary. */
    Path log() {
        String name = summary.getFileName().toString();
        return summary.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".hlog");
    }

    /**
     * Adds this segment's totals, time series and interval histograms to {@code merged}; its times are moved onto
     * the common clock that starts at {@code origin}.
     */
    void addTo(MergedMetrics merged, Instant origin) throws IOException {
        long offsetMs = startedAt().toEpochMilli() - origin.toEpochMilli();
        Map<String, String> metricByTag = new HashMap<>();
        json.path("metrics").fields().forEachRemaining(entry -> {
            String metric = entry.getKey();
            JsonNode values = entry.getValue();
            if (metric.equals("*")) {
                return; // all requests together: the merge sums the requests again
            }
            metricByTag.put(HdrLog.tag(metric), metric);
            Map<String, Long> errors = new LinkedHashMap<>();
            values.path("errors").fields().forEachRemaining(e -> errors.put(e.getKey(), e.getValue().asLong()));
            List<TracedSample> slowest = new ArrayList<>();
            for (JsonNode slow : values.path("slowest")) {
                slowest.add(new TracedSample(Math.round(slow.path("ms").asDouble() * 1_000),
                        slow.path("traceId").asText(null), slow.path("spanId").asText(null),
                        Instant.parse(slow.path("at").asText()).toEpochMilli()));
            }
            merged.totals(metric, MetricKind.valueOf(values.path("kind").asText().toUpperCase(Locale.ROOT)),
                    values.path("sent").asLong(), errors, slowest);
        });
        for (JsonNode interval : json.path("timeSeries")) {
            merged.interval(offsetMs + interval.path("startMs").asLong(), offsetMs + interval.path("endMs").asLong(),
                    interval.path("measured").asBoolean(), interval.path("activeUsers").asInt(),
                    interval.path("generatorCpu").asDouble(Double.NaN),
                    interval.path("machineCpu").asDouble(Double.NaN));
        }
        List<ErrorSample> samples = new ArrayList<>();
        for (JsonNode sample : json.path("errorSamples")) {
            samples.add(new ErrorSample(sample.path("metric").asText(), sample.path("cause").asText(),
                    sample.path("stackTrace").asText(null), null, sample.path("traceId").asText(null)));
        }
        merged.errorSamples(samples);
        readLog(merged, metricByTag, offsetMs);
    }

    /**
     * Adds the log's histograms, each in the interval of the time series it belongs to (the log keeps times to the
     * millisecond), moved by {@code offsetMs} onto the common clock.
     */
    private void readLog(MergedMetrics merged, Map<String, String> metricByTag, long offsetMs) throws IOException {
        long[] starts = new long[json.path("timeSeries").size()];
        long[] ends = new long[starts.length];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = json.path("timeSeries").get(i).path("startMs").asLong();
            ends[i] = json.path("timeSeries").get(i).path("endMs").asLong();
        }
        long startedAtMs = startedAt().toEpochMilli();
        Path log = log();
        if (!Files.exists(log)) {
            throw new IOException(summary + " has no HdrHistogram log beside it (" + log.getFileName()
                    + "): keep each segment's whole report directory");
        }
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        try {
            EncodableHistogram read;
            while ((read = reader.nextIntervalHistogram()) != null) {
                String tag = read.getTag() == null ? "" : read.getTag();
                boolean failed = tag.endsWith(HdrLog.FAILED);
                String metric = metricByTag.get(failed ? tag.substring(0, tag.length() - HdrLog.FAILED.length()) : tag);
                if (metric != null && read instanceof Histogram histogram) {
                    int at = nearest(starts, read.getStartTimeStamp() - startedAtMs);
                    long startMs = at < 0 ? read.getStartTimeStamp() - startedAtMs : starts[at];
                    long endMs = at < 0 ? read.getEndTimeStamp() - startedAtMs : ends[at];
                    merged.histogram(metric, failed, offsetMs + startMs, offsetMs + endMs, histogram);
                }
            }
        } finally {
            reader.close();
        }
    }

    /** The index of the value in ascending {@code values} nearest to {@code value}; -1 when there is none. */
    private static int nearest(long[] values, long value) {
        int at = Arrays.binarySearch(values, value);
        if (at >= 0 || values.length == 0) {
            return values.length == 0 ? -1 : at;
        }
        int after = -at - 1;
        if (after == 0) {
            return 0;
        }
        if (after == values.length) {
            return values.length - 1;
        }
        return value - values[after - 1] <= values[after] - value ? after - 1 : after;
    }
}
