package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * {@code <report dir>/index.html}: every load test this build ran into the directory, with its verdict, plan, table,
 * budgets and charts, and links to its JSON summary and HdrHistogram log. One self-contained page that opens from the
 * file system; rewritten after each test, so it is there however the test plan ends. The test JVMs of one build (the
 * forks of one Maven process) share it: each test leaves its part in {@code .index/<build>/}, and the index is made from
 * every part of the build, under a file lock; the parts of builds whose process has ended are deleted.
 */
@API(status = INTERNAL, since = "0.1")
public final class BuildReport {

    private static final String PARTS = ".index";
    private static final String BUILD = build();

    private BuildReport() {
    }

    private record Entry(String testId, String verdict, boolean partial, String json, String hlog, long endedAt,
            String section) {

        String write() {
            return String.join("\n", testId, verdict, Boolean.toString(partial), json,
                    hlog == null ? "-" : hlog, Long.toString(endedAt), section);
        }

        static Entry read(String part) {
            String[] lines = part.split("\n", 7);
            return new Entry(lines[0], lines[1], Boolean.parseBoolean(lines[2]), lines[3],
                    lines[4].equals("-") ? null : lines[4], Long.parseLong(lines[5]), lines[6]);
        }
    }

    /**
     * Adds {@code report} and rewrites the index of its directory.
     *
     * @param charts its charts, from {@link LoadCharts#render}
     * @param summary its JSON summary
     * @param hdrLog its HdrHistogram log, or null when it has none yet
     * @return the index
     */
    public static Path add(RunResult report, Map<String, String> charts, Path summary, Path hdrLog)
            throws IOException {
        Path directory = report.plan().reportDirectory().toAbsolutePath().normalize();
        Entry entry = new Entry(report.plan().testId(), report.verdictLabel(), report.outcome().interrupted(),
                summary.getFileName().toString(), hdrLog == null ? null : hdrLog.getFileName().toString(),
                System.currentTimeMillis(), HtmlSummary.section(report, charts));
        Path parts = Files.createDirectories(directory.resolve(PARTS));
        Path index = directory.resolve("index.html");
        synchronized (BuildReport.class) { // a file lock is the JVM's: its threads take turns before
            try (FileChannel lockFile = FileChannel.open(parts.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                deleteEndedBuilds(parts);
                Path build = Files.createDirectories(parts.resolve(BUILD));
                writeAtomically(build.resolve(entry.testId().replaceAll("[^A-Za-z0-9._$-]", "_") + ".part"),
                        entry.write());
                writeAtomically(index, render(entries(build)));
            }
        }
        return index;
    }

    private static List<Entry> entries(Path build) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> parts = Files.list(build)) {
            for (Path part : parts.filter(path -> path.toString().endsWith(".part")).toList()) {
                entries.add(Entry.read(Files.readString(part, StandardCharsets.UTF_8)));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::endedAt));
        return entries;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path written = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        Files.writeString(written, content, StandardCharsets.UTF_8);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The build this JVM belongs to: the process that started it (Maven, an IDE), by pid and start time. */
    private static String build() {
        ProcessHandle starter = ProcessHandle.current().parent().orElse(ProcessHandle.current());
        return starter.pid() + "-" + starter.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Deletes the parts of builds whose starting process is gone: earlier builds into the same directory. */
    private static void deleteEndedBuilds(Path parts) throws IOException {
        try (Stream<Path> builds = Files.list(parts)) {
            for (Path build : builds.filter(Files::isDirectory).toList()) {
                if (!build.getFileName().toString().equals(BUILD) && ended(build.getFileName().toString())) {
                    try (Stream<Path> files = Files.list(build)) {
                        for (Path file : files.toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                    Files.deleteIfExists(build);
                }
            }
        }
    }

    private static boolean ended(String build) {
        String[] pidAndStart = build.split("-");
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pidAndStart[0]));
            return process.isEmpty() || !process.get().info().startInstant().map(Instant::toEpochMilli)
                    .map(start -> Long.toString(start).equals(pidAndStart[1])).orElse(true);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String render(List<Entry> entries) {
        long failed = entries.stream().filter(entry -> entry.verdict().equals("failed")).count();
        long inconclusive = entries.stream().filter(entry -> entry.verdict().equals("inconclusive")).count();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                + "<title>Horde load tests</title>").append(HtmlSummary.STYLE).append("</head><body>")
                .append("<h1>Horde load tests</h1><p>").append(entries.size())
                .append(entries.size() == 1 ? " load test, " : " load tests, ")
                .append(failed == 0 ? inconclusive == 0 ? "<b class=\"ok\">all passed</b>" : "no failure"
                        : "<b class=\"fail\">" + failed + " failed</b>")
                .append(inconclusive == 0 ? "" : ", <b class=\"inconclusive\">" + inconclusive + " inconclusive</b>")
                .append("</p><table><tr><th>test</th><th>verdict</th><th>files</th></tr>");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            html.append("<tr><td><a href=\"#test-").append(i).append("\">").append(Html.escape(entry.testId()))
                    .append("</a></td><td class=\"").append(HtmlSummary.verdictClass(entry.verdict())).append("\">")
                    .append(entry.verdict().toUpperCase(Locale.ROOT))
                    .append(entry.partial() ? " (interrupted, partial)" : "").append("</td><td><a href=\"")
                    .append(Html.escape(entry.json())).append("\">JSON</a>");
            if (entry.hlog() != null) {
                html.append(" &middot; <a href=\"").append(Html.escape(entry.hlog())).append("\">HdrHistogram log</a>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
        for (int i = 0; i < entries.size(); i++) {
            html.append("<section id=\"test-").append(i).append("\"><hr>").append(entries.get(i).section())
                    .append("</section>");
        }
        return html.append("</body></html>\n").toString();
    }
}
