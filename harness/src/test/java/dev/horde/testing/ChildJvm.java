package dev.horde.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
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
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(),
                fixture.getName(), reportDir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
    }
}
