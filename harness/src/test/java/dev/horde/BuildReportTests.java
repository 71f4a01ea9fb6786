package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.ChildJvm;
import dev.horde.testing.Chromium;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index.html} in the report directory: every load test of the run, its verdict, page and files. */
class BuildReportTests {

    private TestServer server;

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyTestOfTheRunIsInTheIndexWithItsVerdictChartsAndFiles() throws IOException {
        Map<String, String> target = Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri());
        Fixtures.assertPassed(Fixtures.run(Passing.class, reports, target));
        Fixtures.run(Failing.class, reports, target);

        String index = Files.readString(reports.resolve("index.html"));
        assertThat(index).contains("2 load tests, <b class=\"fail\">1 failed</b>")
                .contains(Passing.class.getName() + ".get</a></td><td class=\"ok\">PASSED")
                .contains(Failing.class.getName() + ".get</a></td><td class=\"fail\">FAILED")
                .contains("<h3>Budgets</h3>").contains("max of GET /ok was").contains("<svg");
        Matcher links = Pattern.compile("href=\"([^\"#]+)\"").matcher(index);
        int files = 0;
        while (links.find()) {
            assertThat(reports.resolve(links.group(1))).as("a link to a file beside the index").exists();
            files++;
        }
        assertThat(files).as("a JSON summary and an HdrHistogram log per test").isEqualTo(4);
    }

    @Test
    void theForksOfOneBuildShareTheIndexAndEarlierBuildsLeaveIt() throws Exception {
        Path earlier = Files.createDirectories(reports.resolve(".index").resolve("1-1"));
        Files.writeString(earlier.resolve("Old.test.part"), "Old.test\ntrue\nfalse\nOld.test.json\n-\n0\n<h2>old</h2>");
        Map<String, String> target = Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri());
        Process first = ChildJvm.start(Passing.class, reports, reports.resolve("first.log"), target);
        Process second = ChildJvm.start(Failing.class, reports, reports.resolve("second.log"), target);

        assertThat(ChildJvm.endsWithin(first, 120)).isTrue();
        assertThat(ChildJvm.endsWithin(second, 120)).isTrue();
        String index = Files.readString(reports.resolve("index.html"));
        assertThat(index).as("both forks' tests").contains("2 load tests, <b class=\"fail\">1 failed</b>")
                .contains(Passing.class.getName() + ".get</a>").contains(Failing.class.getName() + ".get</a>")
                .doesNotContain("Old.test");
        assertThat(earlier).as("the parts of a build whose process ended").doesNotExist();
    }

    @Test
    void theIndexOpensFromTheFileSystemWithItsCharts() throws Exception {
        Assumptions.assumeTrue(Chromium.installed(), "Chromium is not installed (apt-get install chromium)");
        Fixtures.assertPassed(Fixtures.run(Passing.class, reports, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                server.baseUri())));

        try (Chromium browser = Chromium.start(1200, 1600)) {
            browser.open(reports.resolve("index.html").toUri());
            assertThat(browser.evaluate("document.querySelectorAll('svg polyline').length"))
                    .as("charts drawn").isNotEqualTo("0");
            assertThat(browser.evaluate("document.body.innerText")).contains("PASSED").contains("Budgets");
            browser.screenshot(Path.of("target", "build-report", "index.png"));
        }
    }

    /** A user that asks for /ok. */
    public static class Asker extends UserEntity {
        void ask() {
            api().get("/ok").send();
        }
    }

    static class Passing {
        @LoadTest(users = 1, duration = "1s")
        void get(Asker user) throws InterruptedException {
            user.ask();
            Thread.sleep(10);
        }
    }

    static class Failing {
        @LatencyBudget(metric = "GET /ok", max = "0ms")
        @LoadTest(users = 1, duration = "1s")
        void get(Asker user) throws InterruptedException {
            user.ask();
            Thread.sleep(10);
        }
    }
}
