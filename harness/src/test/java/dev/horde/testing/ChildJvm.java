package dev.horde.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs one test class in a JVM of its own, so a test can kill that JVM mid-run: {@code ChildJvm <class> <report dir>}. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Class.forName(args[0])))
                .configurationParameter("horde.report.dir", args[1])
                .build();
        LauncherFactory.create().execute(request);
    }

    /** Starts a JVM with this test class path running {@code fixture}, its output going to {@code output}. */
    public static Process start(Class<?> fixture, Path reportDir, Path output) throws IOException {
        return start(fixture, reportDir, output, entry -> true);
    }

    /** Like {@link #start(Class, Path, Path)}, with only the class path entries {@code keep} accepts. */
    public static Process start(Class<?> fixture, Path reportDir, Path output, Predicate<String> keep)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(keep)
                .collect(Collectors.joining(File.pathSeparator));
        return new ProcessBuilder(List.of(java, "-cp", classPath, ChildJvm.class.getName(),
                fixture.getName(), reportDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
