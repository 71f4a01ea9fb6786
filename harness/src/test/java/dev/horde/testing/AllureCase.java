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
    private final String name;
    private EngineExecutionResults execution;

    private AllureCase(Path results, String name) {
        this.results = results;
        this.name = name;
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
        AllureCase allureCase = new AllureCase(results, fixture.getSimpleName());
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
        return results().stream().filter(result -> name.equals(result.getString("name"))).findFirst().orElseThrow();
    }

    /** The results Horde wrote beside the test case's, one per budget, in no particular order. */
    public java.util.List<JsonPath> budgetResults() throws IOException {
        return results().stream().filter(result -> !name.equals(result.getString("name"))).toList();
    }

    private java.util.List<JsonPath> results() throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json"))
                    .map(f -> JsonPath.from(f.toFile())).toList();
        }
    }

    /** The file an attachment named {@code name} was written to. */
    public Path attachment(String name) throws IOException {
        return results.resolve(result().getString("attachments.find { it.name == '" + name + "' }.source"));
    }
}
