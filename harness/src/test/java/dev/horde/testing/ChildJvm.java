package dev.horde.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.horde.LoadTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one test class in a JVM of its own, so a test can kill that JVM mid-run: {@code ChildJvm <class> <report dir>}. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Arguments: the fixture class, the report directory, then {@code key=value} configuration parameters; without
     * the generator's warm-up unless they ask for it, as {@link Fixtures#run} runs fixtures.
     */
    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0])))
                .configurationParameter("horde.report.dir", args[1])
                .configurationParameter(LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME, "off");
        for (int i = 2; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            request.configurationParameter(pair[0], pair[1]);
        }
        LauncherFactory.create().execute(request.build());
    }

    /** Starts a JVM with this test class path running {@code fixture}, its output going to {@code output}. */
    public static Process start(Class<?> fixture, Path reportDir, Path output) throws IOException {
        return start(fixture, reportDir, output, Map.of(), entry -> true);
    }

    /** Like {@link #start(Class, Path, Path)}, with configuration parameters. */
    public static Process start(Class<?> fixture, Path reportDir, Path output, Map<String, String> parameters)
            throws IOException {
        return start(fixture, reportDir, output, parameters, entry -> true);
    }

    /** Like {@link #start(Class, Path, Path, Map)}, with only the class path entries {@code keep} accepts. */
    public static Process start(Class<?> fixture, Path reportDir, Path output, Map<String, String> parameters,
            Predicate<String> keep) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, ChildJvm.class.getName(),
                fixture.getName(), reportDir.toString()));
        parameters.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }

    /** Waits up to {@code seconds} for {@code child} to end, and kills it if it does not: whether it ended by itself. */
    public static boolean endsWithin(Process child, long seconds) throws InterruptedException {
        boolean ended = child.waitFor(seconds, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return ended;
    }
}
