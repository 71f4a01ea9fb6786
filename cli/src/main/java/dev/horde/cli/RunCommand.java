package dev.horde.cli;

import dev.horde.LoadTest;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.console.ConsoleLauncher;

/**
 * {@code horde run}: JUnit's Console Launcher, with Horde's settings as flags that become {@code horde.*}
 * configuration parameters, and the tests to run chosen by class or method.
 */
final class RunCommand {

    /** What {@code horde run --help} prints. */
    static final String USAGE = """
            usage: java -jar horde-cli.jar run --class-path <path> [--select <class or class#method>]... [options]

            Runs the load tests (and any other tests) of a test class path on JUnit's Console Launcher. Each flag
            below sets a horde.* configuration parameter for every load test of the run.

              --class-path <path>      the tests' classes and their dependencies (jars and directories, separated
                                       by the platform's path separator; dir/* for every jar in dir); Horde, JUnit
                                       and REST Assured come with this jar
              --select <name>          a test class (com.example.ReadLoadTest) or method (...ReadLoadTest#read); more
                                       than once for several; without it, every test on the class path runs
              --users <n>              users of every load test (horde.users)
              --users-factor <f>       scales users and rates, e.g. 0.1 (horde.users.factor)
              --duration <d>           length of every run, e.g. 30s, 5m (horde.duration)
              --ramp-up <d>            ramp-up of every run (horde.rampUp)
              --rate <r>               arrival rate of open-model tests, e.g. 200/s (horde.rate)
              --target <url>           the service under test, e.g. http://10.0.0.5:8080 (horde.target)
              --segment <i/n>          run share i of n of every load test (horde.segment); merge the shares'
                                       reports with: java -jar horde-cli.jar merge <directories>
              --segments <n>           n shares, this one's index from JOB_COMPLETION_INDEX (horde.segments)
              --start-at <instant>     the instant every share starts at, e.g. 2026-12-02T10:00:00Z (horde.startAt)
              --report-dir <dir>       where the JSON summaries, HdrHistogram logs, index.html and JUnit XML go
                                       (horde.report.dir, horde.junit.dir; default target/horde)
              -D<key>=<value>          any other configuration parameter, e.g. -Dhorde.dashboard=8765
              --help                   this text

            exit status: 0 every test passed, 1 a test failed, 2 no test was found or the options are wrong
            """;

    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        FLAGS.put("--users", LoadTest.USERS_PROPERTY_NAME);
        FLAGS.put("--users-factor", LoadTest.USERS_FACTOR_PROPERTY_NAME);
        FLAGS.put("--duration", LoadTest.DURATION_PROPERTY_NAME);
        FLAGS.put("--ramp-up", LoadTest.RAMP_UP_PROPERTY_NAME);
        FLAGS.put("--rate", LoadTest.RATE_PROPERTY_NAME);
        FLAGS.put("--target", LoadTest.TARGET_PROPERTY_NAME);
        FLAGS.put("--segment", LoadTest.SEGMENT_PROPERTY_NAME);
        FLAGS.put("--segments", LoadTest.SEGMENTS_PROPERTY_NAME);
        FLAGS.put("--start-at", LoadTest.START_AT_PROPERTY_NAME);
    }

    private RunCommand() {
    }

    /** Runs the tests {@code args} select; returns the Console Launcher's exit status (2 for bad options). */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> launcher;
        try {
            launcher = launcherArguments(args);
        } catch (IllegalArgumentException e) {
            err.print("horde run: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        if (launcher.isEmpty()) {
            out.print(USAGE);
            return 0;
        }
        PrintWriter stdout = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter stderr = new PrintWriter(err, true, StandardCharsets.UTF_8);
        int status = ConsoleLauncher.run(stdout, stderr, launcher.toArray(String[]::new)).getExitCode();
        stdout.flush();
        stderr.flush();
        return status;
    }

    /**
     * {@code path} with each entry that ends in {@code *} replaced by the jars of its directory, as {@code java -cp}
     * reads it, so that a directory of dependencies is one entry.
     */
    static String expand(String path) {
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.endsWith("*")) {
                entries.add(entry);
                continue;
            }
            Path directory = Path.of(entry.substring(0, entry.length() - 1).isEmpty() ? "."
                    : entry.substring(0, entry.length() - 1));
            try (Stream<Path> files = Files.list(directory)) {
                files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted()
                        .forEach(jar -> entries.add(jar.toString()));
            } catch (IOException e) {
                throw new IllegalArgumentException("--class-path entry " + entry + ": cannot list " + directory + " ("
                        + e.getMessage() + ")");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The Console Launcher's arguments for Horde's {@code args}; empty for {@code --help}. */
    static List<String> launcherArguments(List<String> args) {
        List<String> launcher = new ArrayList<>(List.of("execute", "--disable-banner", "--fail-if-no-tests",
                "--details=tree"));
        List<String> selections = new ArrayList<>();
        Map<String, String> configuration = new LinkedHashMap<>();
        String classPath = null;
        String reportDirectory = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return List.of();
            }
            if (arg.startsWith("-D")) {
                String setting = arg.substring(2);
                if (!setting.contains("=") || setting.startsWith("=")) {
                    throw new IllegalArgumentException(arg + " must be -D<key>=<value>, e.g. -Dhorde.seed=42");
                }
                int equals = setting.indexOf('=');
                configuration.put(setting.substring(0, equals), setting.substring(equals + 1));
                continue;
            }
            if (!arg.startsWith("--") && !arg.equals("-cp")) {
                throw new IllegalArgumentException("unexpected " + arg + ": tests are chosen with --select <name>");
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args.get(++i);
            if (FLAGS.containsKey(arg)) {
                configuration.put(FLAGS.get(arg), value);
            } else {
                switch (arg) {
                    case "--class-path", "--classpath", "-cp" -> {
                        classPath = expand(value);
                        launcher.add("--class-path=" + classPath);
                    }
                    case "--select" -> selections.add(value.contains("#") ? "--select-method=" + value
                            : "--select-class=" + value);
                    case "--report-dir" -> reportDirectory = value;
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
        }
        if (classPath == null) {
            throw new IllegalArgumentException("--class-path <path> is missing: give the tests' classes and their"
                    + " dependencies");
        }
        if (reportDirectory != null) { // a -D of either wins
            configuration.putIfAbsent(LoadTest.REPORT_DIR_PROPERTY_NAME, reportDirectory);
            configuration.putIfAbsent(LoadTest.JUNIT_DIR_PROPERTY_NAME, reportDirectory);
        }
        configuration.forEach((key, value) -> launcher.add("--config=" + key + "=" + value));
        if (selections.isEmpty()) {
            launcher.add("--scan-class-path=" + classPath);
        } else {
            launcher.addAll(selections);
        }
        return launcher;
    }
}
