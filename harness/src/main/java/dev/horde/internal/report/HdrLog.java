package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.metrics.MetricKind;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.apiguardian.api.API;

/**
 * Writes a test's HdrHistogram interval log, {@code <report dir>/<test>.hlog}: one tagged histogram per metric and
 * interval, in microseconds, readable by HdrHistogram's own tools ({@code HistogramLogReader},
 * {@code HistogramLogProcessor}) and mergeable across machines. Tags are metric names with spaces as underscores;
 * the samples that failed are tagged {@value #FAILED} after the metric's tag.
 */
@API(status = INTERNAL, since = "0.1")
public final class HdrLog implements RunObserver, AutoCloseable {

    private final Path file;
    private final PrintStream out;
    private final HistogramLogWriter writer;
    private final long startMillis;

    private HdrLog(Path file, long startMillis) throws FileNotFoundException {
        this.file = file;
        this.startMillis = startMillis;
        this.out = new PrintStream(file.toFile());
        this.writer = new HistogramLogWriter(out);
        writer.outputLogFormatVersion();
        writer.outputComment("Horde interval log: latencies in microseconds, one tag per metric (spaces as _)");
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputLegend();
    }

    /** A log for {@code testId} in {@code directory}, starting at {@code startMillis} (epoch ms). */
    public static HdrLog create(Path directory, String testId, long startMillis) throws IOException {
        Files.createDirectories(directory);
        return new HdrLog(directory.resolve(testId + ".hlog"), startMillis);
    }

    /** Writes {@code text} as a comment line, e.g. which segment of the load test the log is. */
    public synchronized void comment(String text) {
        writer.outputComment(text);
    }

    /** The log's path. */
    public Path file() {
        return file;
    }

    /** What follows the tag of a metric for the histograms of its failed samples. */
    public static final String FAILED = "_(failed)";

    /** The tag a metric has in the log. */
    public static String tag(String metric) {
        return metric.replace(' ', '_').replace(',', ';');
    }

    @Override
    public synchronized void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs,
            Histogram histogram) {
        histogram.setTag(failed ? tag(metric) + FAILED : tag(metric));
        histogram.setStartTimeStamp(startMillis + startMs); // the writer writes them as seconds since the start
        histogram.setEndTimeStamp(startMillis + endMs);
        writer.outputIntervalHistogram(histogram);
        histogram.setTag(null);
    }

    @Override
    public synchronized void close() {
        out.close();
    }
}
