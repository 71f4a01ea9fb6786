package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.testing.AllureCase;
import dev.horde.testing.Fixtures;
import dev.horde.testing.LocalServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets planted in requests, responses and failures (a password, bearer tokens, a session cookie) appear in no
 * artefact of the run: not the console, the failure message, the JSON summary, the HdrHistogram log, the JUnit XML of
 * the budgets, nor the Allure results and their attachments (HTML summary, charts, error samples).
 */
class SecretMaskingTests {

    static final String PLANTED = "PLANTED-";

    @RegisterExtension
    static final LocalServer server = new LocalServer();

    @TempDir
    Path reports;

    @TempDir
    Path allureResults;

    @Test
    void plantedSecretsAppearInNoArtefact() throws IOException {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String failure;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            failure = Fixtures.failureMessage(AllureCase.run(Leaky.class, reports, allureResults).execution());
        } finally {
            System.setOut(console);
        }

        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("Leaky.leak").contains("****").doesNotContain(PLANTED);
        assertThat(failure).contains("HTTP 401").contains("****").doesNotContain(PLANTED);
        int scanned = 0;
        int masked = 0;
        for (Path directory : List.of(reports, allureResults)) {
            try (Stream<Path> files = Files.walk(directory)) { // the build report's parts too
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = Files.readString(file);
                    assertThat(content).as(file.getFileName().toString()).doesNotContain(PLANTED);
                    scanned++;
                    masked += directory.equals(allureResults) && content.contains("****") ? 1 : 0;
                }
            }
        }
        assertThat(reports.resolve("junit").resolve("TEST-" + Leaky.class.getName() + ".leak-budgets.xml"))
                .as("the budgets' JUnit XML, scanned above").exists();
        assertThat(scanned).as("summary, log, Allure results and attachments, JUnit XML").isGreaterThan(8);
        assertThat(masked).as("Allure files that show the failures, masked").isGreaterThanOrEqualTo(2);
        assertThat(Files.readString(reports.resolve(Leaky.class.getName() + ".leak.json")))
                .contains("\\\"password\\\":\\\"****\\\"").contains("Bearer ****");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class Leaky {
        @LoadTest(users = 1, duration = "10s", iterations = 2)
        @ErrorBudget(maxRate = 0)
        void leak() {
            HttpApi api = server.api().bearer("PLANTED-TOKEN-1");
            try {
                api.get("/leak").send();
            } catch (RuntimeException expected) {
                // the 401 with secrets in its body is a failed request; the iteration goes on to fail for itself
            }
            throw new AssertionError("login failed for {\"user\":\"ann\",\"password\":\"PLANTED-PW-2\"}"
                    + " with Authorization: Bearer PLANTED-TOKEN-6");
        }
    }
}
