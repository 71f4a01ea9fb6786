package dev.horde.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fixture class in a JVM of its own, so that a test can end that JVM mid-run as a CI runner's kill or Ctrl-C
 * would. {@link #main} is the child's entry point; {@link #start} starts it with this JVM's class path.
 */
public final class ForkedRun implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ForkedRun(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts a JVM that runs {@code fixture} with summaries written to {@code reportDir}; its output goes to a file. */
    public static ForkedRun start(Class<?> fixture, Path reportDir, Map<String, String> parameters) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ForkedRun.class.getName(), fixture.getName(), reportDir.toString()));
        parameters.forEach((key, value) -> command.add(key + "=" + value));
        Path output = Files.createTempFile(reportDir, "forked-run", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        return new ForkedRun(process, output);
    }

    /** Asks the JVM to shut down (SIGTERM) and waits up to {@code limit} for it to end; returns its exit code. */
    public int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the forked run did not end within " + limit + " of SIGTERM:\n" + output());
        }
        return process.exitValue();
    }

    /** What the JVM printed so far. */
    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Kills the JVM if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Arguments: the fixture class, the report directory, then {@code key=value} configuration parameters. */
    public static void main(String[] args) throws ClassNotFoundException {
        Map<String, String> parameters = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            parameters.put(pair[0], pair[1]);
        }
        Fixtures.run(Class.forName(args[0]), Path.of(args[1]), parameters);
    }
}
