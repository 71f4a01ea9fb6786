package dev.horde.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.LoadTest;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build without logging of its own runs load tests without SLF4J's warnings; one with logging keeps it. */
class ClientLoggingTests {

    @Test
    void aBuildWithoutAnSlf4jProviderRunsTheLeanClientWithoutWarnings(@TempDir Path reports) throws Exception {
        try (TestServer server = TestServer.start()) {
            Path output = reports.resolve("output.txt");

            Process child = ChildJvm.start(LeanClient.class, reports, output,
                    Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri()));

            assertThat(ChildJvm.endsWithin(child, 60)).isTrue();
            String printed = Files.readString(output);
            assertThat(printed).contains("LeanClient.get").doesNotContain("SLF4J");
        }
    }

    @Test
    void onlyTheLinesSlf4jPrintsAboutItselfAreDropped() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream filtered = new PrintStream(new ClientLogging.WithoutSlf4jLines(err), true, StandardCharsets.UTF_8);

        filtered.println("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".");
        filtered.println("a line of the test's own");
        filtered.print("SLF4J: Defaulting to no-operation (NOP) logger implementation\nand another");
        filtered.flush();

        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("a line of the test's own\nand another");
    }

    static class LeanClient {
        public static class Client extends UserEntity {
            void get() {
                api().get("/ok").send();
            }
        }

        @LoadTest(users = 2, iterations = 3, duration = "10s")
        void get(Client client) {
            client.get();
        }
    }
}
