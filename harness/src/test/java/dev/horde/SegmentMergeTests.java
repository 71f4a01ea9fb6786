package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.internal.merge.MergeCommand;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load test split over several JVMs on loopback against a real server, each running its segment, then merged: the
 * merged counts are what the server saw, the merged percentiles those of one histogram of every segment's samples,
 * the budgets judged on the whole; and sets of reports that do not make one run are refused, naming the files.
 */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class SegmentMergeTests {

    static TestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws IOException {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void threeJvmsMergeIntoTheRunTheServerSawAndItsBudgetsAreJudgedOnTheWhole() throws Exception {
        server.resetCounts();
        List<Path> directories = runSegments(Shared.class, 3);

        Merge merge = merge(directories, "--report-dir", work.resolve("merged").toString(), "--allure-results",
                work.resolve("allure-results").toString());

        assertThat(merge.status()).as(merge.out() + merge.err()).isEqualTo(MergeCommand.PASSED);
        JsonPath merged = new JsonPath(work.resolve("merged").resolve(Shared.class.getName() + ".read.json").toFile());
        long served = server.requests("/ok");
        assertThat(served).as("requests the server answered").isPositive();
        assertThat(merged.getLong("metrics['GET /ok'].count")).isEqualTo(served);
        assertThat(merged.getLong("metrics['*'].count")).isEqualTo(served);
        assertThat(merged.getInt("merged.segments")).isEqualTo(3);
        assertThat(merged.getString("verdict")).as(merge.out() + merge.err()).isEqualTo("passed");
        assertThat(merged.getInt("plan.users")).isEqualTo(6);
        assertThat(merged.getInt("run.usersStarted")).isEqualTo(6);
        assertThat(merged.getList("merged.notes")).as("every JVM was there before the common start").isEmpty();

        Histogram all = histogramOf(directories, "GET_/ok");
        assertThat(all.getTotalCount()).isEqualTo(served);
        for (String[] percentile : new String[][] {{"p50Ms", "50"}, {"p95Ms", "95"}, {"p99Ms", "99"}}) {
            assertThat(merged.getDouble("metrics['GET /ok']." + percentile[0])).as(percentile[0])
                    .isEqualTo(all.getValueAtPercentile(Double.parseDouble(percentile[1])) / 1000.0);
        }
        assertThat(merged.getDouble("metrics['GET /ok'].maxMs")).isEqualTo(all.getMaxValue() / 1000.0);
        Histogram mergedLog = histogramOf(List.of(work.resolve("merged")), "GET_/ok");
        assertThat(mergedLog.getTotalCount()).as("the merged HdrHistogram log").isEqualTo(served);
        assertThat(mergedLog.getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));

        List<Integer> perSecond = merged.getList("timeSeries.metrics.'GET /ok'.count", Integer.class);
        assertThat(perSecond).as(merged.prettify()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(perSecond.subList(0, 2)).as("every full second holds all three segments' requests, 6 users every"
                + " 100 ms").allSatisfy(count -> assertThat(count).isGreaterThan(40));
        assertThat(merged.getString("budgets.find { it.quantity == 'throughput' }.message"))
                .as("the three segments' throughput together").startsWith("throughput of * was");
        assertThat(merged.getBoolean("budgets.find { it.quantity == 'throughput' }.passed")).isTrue();
        for (Path segment : directories) {
            JsonPath one = new JsonPath(Files.list(segment).filter(f -> f.toString().endsWith(".json")).findFirst()
                    .orElseThrow().toFile());
            assertThat(one.getString("verdict")).isEqualTo("segment");
            assertThat(one.getList("budgets")).as("a segment judges nothing").isEmpty();
            assertThat(one.getDouble("metrics['GET /ok'].rps")).as("one segment alone is below the throughput budget")
                    .isLessThan(45);
        }
        assertThat(work.resolve("merged").resolve("TEST-" + Shared.class.getName() + ".read-budgets.xml")).exists();
        assertThat(work.resolve("merged").resolve("index.html")).exists();
        assertThat(merged.getString("budgets.find { it.description.contains('window') }.message")).as(merge.out())
                .contains("the worst of");
        assertThat(merged.getString("baseline.notice")).contains("no baseline given");
        try (Stream<Path> results = Files.list(work.resolve("allure-results"))) {
            assertThat(results.filter(f -> f.toString().endsWith("-result.json")).count())
                    .as("the merged load test's Allure result and one per budget").isEqualTo(1 + 4);
        }

        Merge again = merge(directories, "--report-dir", work.resolve("again").toString(), "--baseline",
                work.resolve("merged").toString());
        assertThat(again.status()).as(again.out() + again.err()).isEqualTo(MergeCommand.PASSED);
        JsonPath compared = new JsonPath(work.resolve("again").resolve(Shared.class.getName() + ".read.json").toFile());
        assertThat(compared.getString("budgets.find { it.quantity == 'regression' }.message"))
                .as("the merged run is a baseline: the same segments, no change").contains("against a baseline of");
    }

    @Test
    void aBudgetTheMergedResultBreaksFailsTheMergeAndBadSetsAreRefusedNamingTheFiles() throws Exception {
        List<Path> directories = runSegments(TooTight.class, 2);
        Merge failed = merge(directories, "--report-dir", work.resolve("merged").toString());
        assertThat(failed.status()).isEqualTo(MergeCommand.FAILED);
        assertThat(failed.err()).contains("1 of 1 budget broken in TooTight.read")
                .contains("max of GET /ok was");
        JsonPath mergedTight = new JsonPath(work.resolve("merged").resolve(TooTight.class.getName() + ".read.json")
                .toFile());
        long counted = 0;
        for (Path segment : directories) {
            counted += new JsonPath(summaryIn(segment).toFile()).getLong("metrics['*'].count");
        }
        assertThat(mergedTight.getLong("metrics['*'].count")).as("with a warm-up: the samples the segments counted")
                .isEqualTo(counted);
        String junit = Files.readString(work.resolve("merged").resolve("TEST-" + TooTight.class.getName()
                + ".read-budgets.xml"));
        assertThat(junit).as("a case for the load test and one per budget").contains("tests=\"3\" failures=\"2\"")
                .contains("name=\"read (2 segments merged)\"").contains("type=\"load test failed\"");

        Merge missing = merge(directories.subList(0, 1));
        assertThat(missing.status()).isEqualTo(MergeCommand.REFUSED);
        assertThat(missing.err()).contains("segment 2/2 missing; found 1/2 in " + directories.get(0));

        Path copy = Files.createDirectories(work.resolve("copy"));
        copyTree(directories.get(0), copy);
        Merge twice = merge(List.of(directories.get(0), directories.get(1), copy));
        assertThat(twice.status()).isEqualTo(MergeCommand.REFUSED);
        assertThat(twice.err()).contains("segment 1/2 twice, in ");

        Path summary = summaryIn(copy);
        String json = Files.readString(summary);
        Files.writeString(summary, json.replace("\"users\" : 4", "\"users\" : 5")
                .replace("\"users\": 4", "\"users\": 5"));
        Merge different = merge(List.of(copy, directories.get(1)));
        assertThat(different.status()).isEqualTo(MergeCommand.REFUSED);
        assertThat(different.err()).contains("ran different plans (users 5 in one, 4 in the other;")
                .contains(summary.toString());

        Files.writeString(summary, json.replaceFirst("\"hordeVersion\" ?: ?\"[^\"]*\"", "\"hordeVersion\": \"0.0.1\""));
        Merge versions = merge(List.of(copy, directories.get(1)));
        assertThat(versions.status()).isEqualTo(MergeCommand.REFUSED);
        assertThat(versions.err()).contains("written by Horde 0.0.1 but");

        Path attachments = Files.createDirectories(work.resolve("with-attachments"));
        copyTree(directories.get(0), attachments);
        Files.copy(summaryIn(directories.get(0)), attachments.resolve("0bb3f386-attachment.json"));
        Merge copies = merge(List.of(attachments, directories.get(1)));
        assertThat(copies.status()).as("a copy of a summary under another name, as Allure attaches it, is no segment")
                .isEqualTo(MergeCommand.FAILED);

        Merge nothing = merge(List.of(Files.createDirectories(work.resolve("empty"))));
        assertThat(nothing.status()).isEqualTo(MergeCommand.REFUSED);
        assertThat(nothing.err()).contains("no segment's report in");
    }

    /** Runs {@code count} JVMs, one segment each, starting together; returns their report directories. */
    private List<Path> runSegments(Class<?> fixture, int count) throws Exception {
        String startAt = Instant.now().plusSeconds(12).toString(); // after every JVM started, on two busy cores
        List<Process> children = new ArrayList<>();
        List<Path> directories = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            Path reports = Files.createDirectories(work.resolve("machine-" + index));
            children.add(ChildJvm.start(fixture, reports, reports.resolve("output.log"), Map.of(
                    LoadTest.TARGET_PROPERTY_NAME, server.baseUri(),
                    LoadTest.SEGMENT_PROPERTY_NAME, index + "/" + count,
                    LoadTest.START_AT_PROPERTY_NAME, startAt,
                    LoadTest.JUNIT_DIR_PROPERTY_NAME, "off",
                    LoadTest.BEHIND_PROPERTY_NAME, "warn"))); // cold JVMs on two cores: the merge is what is tested
            directories.add(reports.resolve("segment-" + index + "-of-" + count));
        }
        for (Process child : children) {
            assertThat(ChildJvm.endsWithin(child, 120)).isTrue();
        }
        for (Path directory : directories) {
            assertThat(directory).as(Files.readString(directory.getParent().resolve("output.log"))).isDirectory();
        }
        return directories;
    }

    private record Merge(int status, String out, String err) {
    }

    private Merge merge(List<Path> directories, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(options));
        if (options.length == 0) {
            args.addAll(List.of("--report-dir", work.resolve("refused").toString()));
        }
        directories.forEach(directory -> args.add(directory.toString()));
        int status = MergeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Merge(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One histogram of every interval tagged {@code tag} in the HdrHistogram logs under {@code directories}. */
    private static Histogram histogramOf(List<Path> directories, String tag) throws IOException {
        Histogram all = new Histogram(3);
        for (Path directory : directories) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path log : files.filter(f -> f.toString().endsWith(".hlog")).toList()) {
                    HistogramLogReader reader = new HistogramLogReader(log.toFile());
                    for (EncodableHistogram read = reader.nextIntervalHistogram(); read != null;
                            read = reader.nextIntervalHistogram()) {
                        if (tag.equals(read.getTag())) {
                            all.add((Histogram) read);
                        }
                    }
                    reader.close();
                }
            }
        }
        return all;
    }

    private static Path summaryIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    public static class Reader extends UserEntity {
        void read() {
            api().get("/ok").send();
        }
    }

    static class Shared {
        @LoadTest(users = 6, duration = "3s", pacing = "100ms")
        @ThroughputBudget(min = 45) // the three segments together: 60/s; one alone runs 20/s
        @LatencyBudget(p99 = "5s")
        @LatencyBudget(p99 = "5s", window = "2s")
        @RegressionBudget(p95 = "1000%")
        void read(Reader user) {
            user.read();
        }
    }

    static class TooTight {
        @LoadTest(users = 4, duration = "3s", warmUp = "1s", pacing = "100ms")
        @LatencyBudget(metric = "GET /ok", max = "0ms")
        void read(Reader user) {
            user.read();
        }
    }
}
