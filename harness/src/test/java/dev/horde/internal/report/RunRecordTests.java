package dev.horde.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.horde.LoadTest;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.Fixtures;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run leaves behind besides the summary table: time series, HdrHistogram log, progress, partial results. */
class RunRecordTests {

    @TempDir
    Path reports;

    @Test
    void theTimeSeriesAddsUpToTheTotals() {
        Fixtures.run(ThreeSeconds.class, reports).testEvents().assertStatistics(stats -> stats.finished(1));

        JsonPath summary = Fixtures.summary(reports, ThreeSeconds.class, "run");
        List<Map<String, Object>> series = summary.getList("timeSeries");
        assertThat(series).hasSizeGreaterThanOrEqualTo(2);
        long sum = series.stream().mapToLong(point -> count(point, "iteration")).sum();
        assertThat(sum).isEqualTo(summary.getLong("metrics.iteration.count")).isPositive();
        assertThat(summary.getInt("timeSeries[0].activeUsers")).isEqualTo(2);
        assertThat(summary.getInt("timeSeries[0].endMs")).isBetween(900, 3_000);
        assertThat(summary.getDouble("timeSeries[0].metrics.iteration.p95Ms")).isGreaterThanOrEqualTo(10.0);
    }

    @Test
    void theHdrHistogramLogHoldsEverySampleUnderItsMetricsTag() throws FileNotFoundException {
        Fixtures.run(ThreeSeconds.class, reports).testEvents().assertStatistics(stats -> stats.finished(1));

        Path log = reports.resolve(ThreeSeconds.class.getName() + ".run.hlog");
        Map<String, Long> counts = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(log.toFile());
        while (reader.hasNext()) {
            Histogram interval = (Histogram) reader.nextIntervalHistogram();
            counts.merge(interval.getTag(), interval.getTotalCount(), Long::sum);
        }
        assertThat(counts).containsOnlyKeys("iteration");
        assertThat(counts.get("iteration"))
                .isEqualTo(Fixtures.summary(reports, ThreeSeconds.class, "run").getLong("metrics.iteration.count"));
        assertThat(HdrLog.tag("GET /api/posts/{id}")).isEqualTo("GET_/api/posts/{id}");
    }

    @Test
    void longRunsPrintProgressAndShortOnesDoNot() {
        String printed = capture(() -> Fixtures.run(ThreeSeconds.class, reports, Map.of("horde.progress", "500ms")));
        String quiet = capture(() -> Fixtures.run(ThreeSeconds.class, reports, Map.of("horde.progress", "5s")));

        List<String> lines = printed.lines().filter(line -> line.startsWith("[horde] ")).toList();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(0)).matches("\\[horde] ThreeSeconds\\.run \\d+s/3s {2}users 2/2 {2}[\\d.,]+ it/s {2}p95 [\\d.,]+ ms"
                + " {2}errors 0%  - failing: max of iteration <= 1 ms");
        assertThat(quiet.lines().filter(line -> line.startsWith("[horde] "))).isEmpty();
    }

    @Test
    void aJvmKilledMidRunLeavesAPartialSummary() throws Exception {
        Path output = reports.resolve("child.log");
        Process child = ChildJvm.start(RunsForAMinute.class, reports, output);
        try {
            Path log = reports.resolve(RunsForAMinute.class.getName() + ".run.hlog");
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(log) && Files.size(log) > 400);
            child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
        } finally {
            child.destroyForcibly();
        }

        JsonPath summary = Fixtures.summary(reports, RunsForAMinute.class, "run");
        assertThat(summary.getBoolean("partial")).isTrue();
        assertThat(summary.getString("verdict")).isEqualTo("failed");
        assertThat(summary.getLong("metrics.iteration.count")).isPositive();
        assertThat(summary.getDouble("run.elapsedMs")).isLessThan(60_000.0);
    }

    private static String capture(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static long count(Map<String, Object> point, String metric) {
        Map<String, Object> metrics = (Map<String, Object>) point.get("metrics");
        Map<String, Object> stats = (Map<String, Object>) metrics.get(metric);
        return stats == null ? 0 : ((Number) stats.get("count")).longValue();
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class ThreeSeconds {
        @LoadTest(users = 2, duration = "3s")
        @dev.horde.LatencyBudget(metric = "iteration", max = "1ms")
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(10); // stands in for a request
        }
    }

    static class RunsForAMinute {
        @LoadTest(users = 2, duration = "1m")
        void run() throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
