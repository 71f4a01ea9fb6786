package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.ThroughputBudget;
import dev.horde.http.HttpApi;
import dev.horde.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;

/** The failure categories of {@code allure-config/categories.json} sort each diagnosis where it belongs. */
class AllureCategoriesTests {

    private static final Path CATEGORIES = Path.of("..", "allure-config", "categories.json");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            connection refused (127.0.0.1:8089)                                          | target unreachable
            timeout (127.0.0.1:8089)                                                     | target faulty
            connection reset (127.0.0.1:8089)                                            | target faulty
            malformed response (127.0.0.1:8089)                                          | target faulty
            HTTP 503                                                                     | target faulty
            client error: IllegalStateException: Invalid use of BasicClientConnManager   | HTTP client error
            client error: NoClassDefFoundError: org/apache/http/client/HttpClient        | HTTP client error
            assertion failed: expected 200                                               | (none)
            """)
    void eachDiagnosisFallsIntoItsCategoryAlone(String cause, String category) throws IOException {
        String message = Diagnosis.fault(cause, "requests") + ": 9 of 10 requests: " + cause
                + "\n1 of 1 budget broken in Some.test (2 users, 10s):\n  no request succeeded";

        assertThat(categoriesOf(message)).isEqualTo(category.equals("(none)") ? List.of() : List.of(category));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Configuration error: @LoadTest on method [get()] must declare 'users' > 0 but was [0].
            """)
    void configurationErrorsAreTheHarnessOrConfiguration(String message) throws IOException {
        assertThat(categoriesOf(message)).containsExactly("harness or configuration error");
    }

    /** Target metrics' breaches as TargetMetricTests' real runs against Prometheus print them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            served/s was 187 at its highest, max 5 (4 steps of 1s from Prometheus)
            absent: no data from 04:31:16 to 04:31:17 UTC: is the target scraped, and does the query name its metrics?; query: sum(rate(no_such_metric_total[2s]))
            served/s: Prometheus at http://127.0.0.1:40179/ could not be reached (connection refused); query: sum(rate(x[2s]))
            """)
    void targetMetricBreachesAreTheirOwnCategory(String breach) throws IOException {
        String message = "1 of 1 budget broken in Served.get (2 users, 3s):\n  " + breach;

        assertThat(categoriesOf(message)).containsExactly("target metric budget broken");
    }

    /** Container resources' breaches as ContainerTargetTests' real runs against Docker print them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            container memory was 65.1 MiB at its highest, max 32MB (5 steps of 1s from Docker)
            container cpu: Docker's stats of container 4fea24a2ea56 (horde-local/jre:17) failed: java.io.IOException; query: docker stats 4fea24a2ea56: CPU in cores
            """)
    void targetResourceBreachesAreTheirOwnCategory(String breach) throws IOException {
        String message = "1 of 1 budget broken in Hungry.idle (1 user, 4s):\n  " + breach;

        assertThat(categoriesOf(message)).containsExactly("target resource budget broken");
    }

    /** Real load tests that fail, each in its own way; their failure messages, not made-up ones, are categorised. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ThrowsEveryTime        | test code failed
            BudgetOnNothing        | budget measured nothing
            TooSlow                | latency budget broken
            FailsOneInThree        | error budget broken
            TooFewIterations       | throughput budget broken
            PoolTooSmall           | schedule not kept
            Unreachable            | target unreachable
            """)
    void theFailureOfARealLoadTestFallsIntoItsCategoryAlone(String fixture, String category, @TempDir Path reports)
            throws Exception {
        Class<?> type = Class.forName(AllureCategoriesTests.class.getName() + "$" + fixture);

        String message = Fixtures.failureMessage(Fixtures.run(type, reports,
                Map.of(LoadTest.UNREACHABLE_PROPERTY_NAME, "1s", LoadTest.INCONCLUSIVE_PROPERTY_NAME, "fail")));

        assertThat(categoriesOf(message)).as(message).containsExactly(category);
    }

    @Test
    void anInconclusiveRunIsSkippedIntoItsOwnCategory(@TempDir Path reports) throws IOException {
        String message = Fixtures.run(PoolTooSmall.class, reports).testEvents().aborted().stream().findFirst()
                .orElseThrow().getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();

        assertThat(categoriesOf(message, "skipped")).as(message)
                .containsExactly("inconclusive: the load generator was the limit");
    }

    static class ThrowsEveryTime {
        @LoadTest(users = 2, iterations = 5, duration = "10s")
        void get() {
            Object missing = null;
            missing.toString();
        }
    }

    static class BudgetOnNothing {
        @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "1s")
        @LoadTest(users = 1, iterations = 3, duration = "10s")
        void get() {
        }
    }

    static class TooSlow {
        @LatencyBudget(metric = "iteration", p95 = "1ms")
        @LoadTest(users = 1, iterations = 3, duration = "10s")
        void get() throws InterruptedException {
            Thread.sleep(10);
        }
    }

    static class FailsOneInThree {
        static final AtomicInteger CALLS = new AtomicInteger();

        @ErrorBudget(metric = "iteration", maxRate = 0.1)
        @LoadTest(users = 1, iterations = 30, duration = "10s")
        void get() {
            if (CALLS.incrementAndGet() % 3 == 0) {
                throw new IllegalStateException("every third");
            }
        }
    }

    static class TooFewIterations {
        @ThroughputBudget(metric = "iteration", min = 1_000_000)
        @LoadTest(users = 1, duration = "1s")
        void get() throws InterruptedException {
            Thread.sleep(10);
        }
    }

    static class PoolTooSmall {
        @LoadTest(rate = "20/s", users = 1, duration = "2s")
        void get() throws InterruptedException {
            Thread.sleep(200);
        }
    }

    static class Unreachable {
        @LoadTest(users = 2, duration = "30s")
        void get() {
            HttpApi.to("http://127.0.0.1:1").get("/").send();
        }
    }

    /** The names of the categories of a failed result whose regular expression matches all of {@code message}. */
    private static List<String> categoriesOf(String message) throws IOException {
        return categoriesOf(message, "failed");
    }

    /**
     * The names of the categories whose regular expression matches all of {@code message} of a result with
     * {@code status}, as Allure matches them.
     */
    private static List<String> categoriesOf(String message, String status) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode category : new ObjectMapper().readTree(CATEGORIES.toFile())) {
            boolean statusMatches = false;
            for (JsonNode matched : category.get("matchedStatuses")) {
                statusMatches |= matched.asText().equals(status);
            }
            if (statusMatches && message.matches(category.get("messageRegex").asText())) {
                names.add(category.get("name").asText());
            }
        }
        return names;
    }
}
