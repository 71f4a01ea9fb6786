package dev.horde.testing;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.TestResult;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Runs a fixture inside a running Allure test case whose results go to a directory of the test's own, as the Allure
 * JUnit integration would around a real test, and restores Allure's lifecycle afterwards.
 */
public final class AllureCase {

    private final Path results;
    private EngineExecutionResults execution;

    private AllureCase(Path results) {
        this.results = results;
    }

    /** Runs {@code fixture} (summaries to {@code reports}) inside an Allure test case that writes to {@code results}. */
    public static AllureCase run(Class<?> fixture, Path reports, Path results) {
        return run(fixture, reports, results, java.util.Map.of());
    }

    /** As {@link #run(Class, Path, Path)}, with the given configuration parameters. */
    public static AllureCase run(Class<?> fixture, Path reports, Path results, java.util.Map<String, String> parameters) {
        AllureLifecycle original = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        System.setProperty("allure.results.directory", results.toString());
        AllureCase allureCase = new AllureCase(results);
        try {
            String uuid = UUID.randomUUID().toString();
            AllureLifecycle lifecycle = Allure.getLifecycle();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName(fixture.getSimpleName()));
            lifecycle.startTestCase(uuid);
            allureCase.execution = Fixtures.run(fixture, reports, parameters); // on this thread: the load test sees the test case
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        } finally {
            Allure.setLifecycle(original);
            System.clearProperty("allure.results.directory");
        }
        return allureCase;
    }

    /** What the engine reported. */
    public EngineExecutionResults execution() {
        return execution;
    }

    /** The test case's {@code *-result.json}. */
    public JsonPath result() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            Path file = files.filter(f -> f.getFileName().toString().endsWith("-result.json")).findFirst().orElseThrow();
            return JsonPath.from(file.toFile());
        }
    }

    /** The file an attachment named {@code name} was written to. */
    public Path attachment(String name) throws IOException {
        return results.resolve(result().getString("attachments.find { it.name == '" + name + "' }.source"));
    }
}
