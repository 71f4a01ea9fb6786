package dev.horde.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.horde.LoadTest;
import dev.horde.testing.Chromium;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The live page ({@code -Dhorde.dashboard}) during a real sample run against the demo, in headless Chromium: requests
 * per second while it runs, then the budgets exactly as the sample's JSON summary has them. Screenshots go to
 * {@code target/live-page/}.
 */
class LivePageTest {

    /** Sample 1, run as it is. */
    private static final String SAMPLE = "dev.horde.sample.BrowsePostsLoadTest";

    @TempDir
    Path reports;

    @Test
    void theLivePageFollowsASampleRunAndEndsWithItsSummarysBudgets() throws Exception {
        Assumptions.assumeTrue(Chromium.installed(), "Chromium is not installed (apt-get install chromium)");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        AtomicReference<EngineExecutionResults> results = new AtomicReference<>();
        Thread engine = new Thread(() -> results.set(EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(SAMPLE))
                .configurationParameters(Map.of(LoadTest.REPORT_DIR_PROPERTY_NAME, reports.toString(),
                        LoadTest.GENERATOR_WARM_UP_PROPERTY_NAME, "5s",
                        LoadTest.THREADS_PROPERTY_NAME, "platform", // preempted: Chromium shares the cores
                        LoadTest.DASHBOARD_PROPERTY_NAME, Integer.toString(port),
                        LoadTest.DASHBOARD_LINGER_PROPERTY_NAME, "2m"))
                .execute()), "sample run");
        engine.start();
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        Path shots = Path.of("target", "live-page");
        try (Chromium browser = Chromium.start(1280, 1400)) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                browser.open(page);
                return true;
            });
            await().atMost(Duration.ofSeconds(90)).until(() -> browser.evaluate(text("run-state")).equals("running")
                    && number(browser.evaluate(text("rps"))) > 0); // the warm-up over, requests counted
            browser.screenshot(shots.resolve("during-the-run.png"));

            await().atMost(Duration.ofSeconds(90)).until(() -> browser.evaluate(text("run-state")), "PASSED"::equals);
            JsonPath summary = JsonPath.from(reports.resolve(SAMPLE + ".readAPost.json")
                    .toFile());
            assertThat(shownBudgets(browser)).isEqualTo(summaryBudgets(summary));
            browser.screenshot(shots.resolve("after-the-run.png"));

            browser.open(page); // a tab opened after the run
            await().atMost(Duration.ofSeconds(10)).until(() -> shownBudgets(browser), summaryBudgets(summary)::equals);
        } finally {
            engine.interrupt(); // ends the linger
            engine.join(60_000);
        }
        assertThat(results.get().testEvents().failed().count()).isZero();
    }

    private static String text(String id) {
        return "document.getElementById('" + id + "').textContent";
    }

    private static double number(String shown) {
        String digits = shown.replace(",", "");
        return digits.matches("[0-9.]+") ? Double.parseDouble(digits) : Double.NaN;
    }

    private static List<String> shownBudgets(Chromium browser) {
        String shown = browser.evaluate("Array.from(document.querySelectorAll('#budgets li.ok, #budgets li.fail'))"
                + ".map(li => li.textContent).join('\\n')");
        return shown.isEmpty() ? List.of() : List.of(shown.split("\n"));
    }

    /** The budgets as every report shows them: the message, marked when implicit. */
    private static List<String> summaryBudgets(JsonPath summary) {
        List<String> shown = new ArrayList<>();
        List<Map<String, Object>> budgets = summary.getList("budgets");
        for (Map<String, Object> budget : budgets) {
            shown.add(budget.get("message") + (Boolean.TRUE.equals(budget.get("implicit")) ? " (implicit)" : ""));
        }
        return shown;
    }
}
