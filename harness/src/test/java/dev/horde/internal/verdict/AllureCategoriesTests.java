package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** The names of the categories whose regular expression matches all of {@code message}, as Allure matches them. */
    private static List<String> categoriesOf(String message) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode category : new ObjectMapper().readTree(CATEGORIES.toFile())) {
            if (message.matches(category.get("messageRegex").asText())) {
                names.add(category.get("name").asText());
            }
        }
        return names;
    }
}
