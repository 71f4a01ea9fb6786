package dev.horde.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.LoadTest;
import dev.horde.ThroughputBudget;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a person uses it: its help, its flags, a load test run in two segments and their merge. */
class HordeCommandLineTests {

    static TestServer server;

    @TempDir
    Path work;

    @BeforeAll
    static void startServer() throws IOException {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void flagsBecomeHordeSettingsOnJUnitsConsoleLauncher() {
        assertThat(RunCommand.launcherArguments(List.of("--class-path", "tests.jar", "--select", "a.ReadTest",
                "--select", "a.WriteTest#write", "--users", "50", "--users-factor", "0.5", "--duration", "1m",
                "--ramp-up", "10s", "--rate", "20/s", "--target", "http://10.0.0.5:8080", "--segment", "2/4",
                "--start-at", "2026-12-02T10:00:00Z", "--report-dir", "out", "-Dhorde.seed=7")))
                .containsExactly("execute", "--disable-banner", "--fail-if-no-tests", "--details=tree",
                        "--class-path=tests.jar", "--config=horde.users=50", "--config=horde.users.factor=0.5",
                        "--config=horde.duration=1m", "--config=horde.rampUp=10s", "--config=horde.rate=20/s",
                        "--config=horde.target=http://10.0.0.5:8080", "--config=horde.segment=2/4",
                        "--config=horde.startAt=2026-12-02T10:00:00Z", "--config=horde.seed=7",
                        "--config=horde.report.dir=out", "--config=horde.junit.dir=out",
                        "--select-class=a.ReadTest", "--select-method=a.WriteTest#write");
        assertThat(RunCommand.launcherArguments(List.of("-cp", "a.jar"))).as("no selection: every test in it")
                .endsWith("--scan-class-path=a.jar");
        assertThat(RunCommand.launcherArguments(List.of("-cp", "a.jar", "-Dhorde.junit.dir=off", "--report-dir",
                "out")))
                .as("a -D wins over what a flag implies").contains("--config=horde.junit.dir=off")
                .doesNotContain("--config=horde.junit.dir=out");
    }

    @Test
    void aDirectoryWithAStarIsEveryJarInIt() throws IOException {
        Files.createFile(work.resolve("b.jar"));
        Files.createFile(work.resolve("a.jar"));
        Files.createFile(work.resolve("notes.txt"));
        assertThat(RunCommand.expand("classes" + File.pathSeparator + work + "/*")).isEqualTo(String.join(
                File.pathSeparator, "classes", work.resolve("a.jar").toString(), work.resolve("b.jar").toString()));
    }

    @Test
    void helpAndMistakesSayWhatToType() {
        Output help = horde("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("run", "merge");
        assertThat(horde("run", "--help").out()).contains("--users-factor <f>", "--segment <i/n>", "--select <name>");
        assertThat(horde("merge", "--help").out()).contains("usage: horde merge");

        Output unknown = horde("run", "--class-path", "x", "--userz", "5");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("horde run: unknown option --userz");
        assertThat(horde("run", "--select", "a.B").err()).contains("--class-path <path> is missing");
        assertThat(horde("launch").err()).startsWith("horde: unknown command launch");
        assertThat(horde().status()).isEqualTo(2);
    }

    @Test
    void aLoadTestRunsInTwoSegmentsWhoseMergeIsWhatTheServerSaw() {
        server.resetCounts();
        String classes = Path.of("target", "test-classes").toAbsolutePath().toString();
        for (String segment : List.of("1/2", "2/2")) {
            Output run = horde("run", "--class-path", classes, "--select", Shared.class.getName(), "--users", "4",
                    "--duration", "2s", "--target", server.baseUri(), "--segment", segment, "--report-dir",
                    work.resolve("segments").toString(), "-D" + LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME + "=off");
            assertThat(run.status()).as(run.out() + run.err()).isZero();
            JsonPath summary = new JsonPath(work.resolve("segments").resolve("segment-" + segment.replace("/", "-of-"))
                    .resolve(Shared.class.getName() + ".read.json").toFile());
            assertThat(summary.getInt("segment.users")).as("a share of --users 4").isEqualTo(2);
            assertThat(summary.getString("plan.duration")).isEqualTo("2s");
        }
        Output merge = horde("merge", "--report-dir", work.resolve("merged").toString(),
                work.resolve("segments").toString());

        assertThat(merge.status()).as(merge.out() + merge.err()).isEqualTo(1);
        assertThat(merge.err()).contains("throughput of * was").contains("budget at least 1,000,000/s");
        JsonPath merged = new JsonPath(work.resolve("merged").resolve(Shared.class.getName() + ".read.json").toFile());
        assertThat(merged.getLong("metrics['*'].count")).isEqualTo(server.requests("/ok"));
        assertThat(merged.getInt("plan.users")).isEqualTo(4);
        assertThat(merged.getString("verdict")).isEqualTo("failed");
    }

    private record Output(int status, String out, String err) {
    }

    private static Output horde(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Horde.run(new ArrayList<>(List.of(args)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static class Reader extends UserEntity {
        void read() {
            api().get("/ok").send();
        }
    }

    static class Shared {
        @LoadTest(users = 1, duration = "1s", pacing = "50ms")
        @ThroughputBudget(min = 1_000_000) // only the merge judges it
        void read(Reader user) {
            user.read();
        }
    }
}
