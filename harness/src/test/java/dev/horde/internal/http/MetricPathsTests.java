package dev.horde.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricPathsTests {

    @ParameterizedTest
    @CsvSource(value = {
        "'', /api/posts/{id}, /api/posts/{id}",
        "/api, /posts/{id}, /api/posts/{id}",
        "/api/, posts, /api/posts",
        "'', /search?q=term, /search",
        "/api, http://127.0.0.1:8080/other/{x}?a=1, /other/{x}",
        "'', http://127.0.0.1:8080, /",
        "'', '', /",
        "/, /items, /items"
    })
    void keepsThePathAsWrittenWithoutOriginOrQuery(String basePath, String userPath, String expected) {
        assertThat(MetricPaths.path(basePath, userPath)).isEqualTo(expected);
    }
}
