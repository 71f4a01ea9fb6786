package dev.horde.internal.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code environment.properties} and {@code executor.json} into the Allure results directory (system property
 * {@code allure.results.directory}, default {@code allure-results}): the JDK, OS, harness version and target the
 * report's overview shows.
 */
final class AllureEnvironment {

    private AllureEnvironment() {
    }

    static void write(RunResult report, Path results) {
        String environment = "Java=" + Runtime.version() + " (" + System.getProperty("java.vendor") + ")\n"
                + "OS=" + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores\n"
                + "Horde=" + HordeVersion.current() + "\n"
                + "Target=" + report.plan().targetText().replace("\\", "\\\\").replace(":", "\\:") + "\n"
                + "Threads=" + report.plan().threads().label() + "\n";
        String executor = "{\"name\":\"Horde via Maven\",\"type\":\"maven\",\"buildName\":\"load tests\","
                + "\"reportName\":\"Horde load tests\"}\n";
        try {
            Files.createDirectories(results);
            Files.writeString(results.resolve("environment.properties"), environment, StandardCharsets.UTF_8);
            Files.writeString(results.resolve("executor.json"), executor, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Allure environment to " + results, e);
        }
    }
}
