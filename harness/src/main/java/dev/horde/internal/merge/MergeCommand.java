package dev.horde.internal.merge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.jupiter.RunFailure;
import dev.horde.internal.report.AllureSupport;
import dev.horde.internal.report.BuildReport;
import dev.horde.internal.report.ConsoleSummary;
import dev.horde.internal.report.HdrLog;
import dev.horde.internal.report.JUnitXml;
import dev.horde.internal.report.JsonSummary;
import dev.horde.internal.report.LoadCharts;
import dev.horde.internal.report.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * {@code horde merge}: finds the segments' reports in directories, merges each load test's, judges its budgets on the
 * merged result and writes the merged JSON summary, HdrHistogram log, HTML report and JUnit XML. The exit status is
 * {@value #PASSED} when every load test passed (or was inconclusive), {@value #FAILED} when a budget broke or a
 * segment was cut short, {@value #REFUSED} when the reports do not make whole runs or cannot be read.
 */
@API(status = INTERNAL, since = "0.1")
public final class MergeCommand {

    /** Every merged load test passed. */
    public static final int PASSED = 0;
    /** A merged load test failed. */
    public static final int FAILED = 1;
    /** The reports could not be merged. */
    public static final int REFUSED = 2;

    /** Where the merged reports go unless told. */
    public static final String DEFAULT_REPORT_DIR = "horde-merged";

    /** What {@code horde merge --help} prints. */
    public static final String USAGE = """
            usage: horde merge [options] <directory>...

            Merges the reports that the segments of load tests wrote (each JVM ran with -Dhorde.segment=<i>/<n>),
            judges every test's budgets on the merged result, and writes the merged reports. The directories are
            searched to any depth for the segments' <test>.json files (each with its <test>.hlog beside it).

            options:
              --report-dir <dir>   where the merged JSON summaries, HdrHistogram logs and index.html go
                                   (default: horde-merged)
              --junit-dir <dir>    where the JUnit XML with a test case per budget goes, or "off"
                                   (default: the report directory)
              --baseline <dir>     an earlier run's report directory (a merge's too), for @RegressionBudget
              --allure-results <dir>
                                   also write an Allure result per load test and budget there
              --help               this text

            exit status: 0 every test passed (or was inconclusive), 1 a budget broke or a segment was cut short,
            2 the reports do not make whole runs (a segment missing or twice, different plans or versions)
            """;

    private MergeCommand() {
    }

    /** Runs {@code horde merge} with {@code args}, printing to {@code out} and {@code err}; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path reportDirectory = Path.of(DEFAULT_REPORT_DIR);
        Path junitDirectory = null;
        boolean junitOff = false;
        Path baseline = null;
        Path allureResults = null;
        List<Path> directories = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return PASSED;
            }
            if (List.of("--report-dir", "--junit-dir", "--baseline", "--allure-results").contains(arg)) {
                if (i + 1 == args.size()) {
                    err.println("horde merge: " + arg + " needs a directory\n\n" + USAGE);
                    return REFUSED;
                }
                String value = args.get(++i);
                switch (arg) {
                    case "--report-dir" -> reportDirectory = Path.of(value);
                    case "--junit-dir" -> {
                        junitOff = value.equalsIgnoreCase("off");
                        junitDirectory = junitOff ? null : Path.of(value);
                    }
                    case "--allure-results" -> allureResults = Path.of(value);
                    default -> baseline = Path.of(value);
                }
            } else if (arg.startsWith("-")) {
                err.println("horde merge: unknown option " + arg + "\n\n" + USAGE);
                return REFUSED;
            } else {
                directories.add(Path.of(arg));
            }
        }
        if (directories.isEmpty()) {
            err.println("horde merge: give the directories the segments' reports are in\n\n" + USAGE);
            return REFUSED;
        }
        if (junitDirectory == null && !junitOff) {
            junitDirectory = reportDirectory;
        }
        try {
            int status = PASSED;
            for (SegmentSet set : SegmentSet.find(directories)) {
                SegmentMerge.Merged merged = SegmentMerge.merge(set, reportDirectory, junitDirectory, baseline);
                RunResult report = merged.report();
                write(merged, allureResults, out);
                Throwable failure = RunFailure.of(report);
                if (failure instanceof TestAbortedException) {
                    out.println(failure.getMessage());
                } else if (failure != null) {
                    err.println(failure.getMessage());
                    status = FAILED;
                }
            }
            return status;
        } catch (SegmentSet.Refused e) {
            err.println("horde merge: refused: " + e.getMessage());
            return REFUSED;
        } catch (IOException | RuntimeException e) {
            err.println("horde merge: could not merge: " + e);
            return REFUSED;
        }
    }

    private static void write(SegmentMerge.Merged merged, Path allureResults, PrintStream out) throws IOException {
        RunResult report = merged.report();
        out.print(ConsoleSummary.render(report));
        Path summary = JsonSummary.write(report).toAbsolutePath();
        Path log;
        try (HdrLog hdrLog = HdrLog.create(report.plan().reportDirectory(), report.plan().testId(),
                report.startedAt().toEpochMilli())) {
            hdrLog.comment("merged from " + report.merged().count() + " segments of " + report.plan().testId());
            merged.metrics().forEachHistogram(hdrLog);
            log = hdrLog.file();
        }
        out.println("  summary: " + summary);
        Map<String, String> charts = LoadCharts.render(report);
        out.println("  report: " + BuildReport.add(report, charts, summary, log));
        if (allureResults != null) {
            out.println(AllureSupport.publishMerged(report, charts, summary, log, allureResults)
                    ? "  Allure results: " + allureResults.toAbsolutePath()
                    : "  no Allure results: Allure is not on the class path");
        }
        if (report.plan().junitDirectory() != null) {
            out.println("  JUnit XML: " + JUnitXml.write(report, report.plan().junitDirectory()));
        }
    }
}
