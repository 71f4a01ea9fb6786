package dev.horde.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConcretePathsTests {

    @Test
    void segmentsThatLookLikeValuesMakeTheTemplate() {
        assertThat(ConcretePaths.template("GET /api/posts/17")).contains("GET /api/posts/{id}");
        assertThat(ConcretePaths.template("DELETE /api/posts/17/comments/3"))
                .contains("DELETE /api/posts/{id}/comments/{id}");
        assertThat(ConcretePaths.template("GET /users/123e4567-e89b-12d3-a456-426614174000"))
                .contains("GET /users/{id}");
        assertThat(ConcretePaths.template("GET /v2/items")).isEmpty();
        assertThat(ConcretePaths.template("GET /api/posts/{id}")).isEmpty();
    }

    @Test
    void theSecondValueOfAPathWarnsOnceWithTheFix() {
        List<String> printed = new ArrayList<>();
        ConcretePaths paths = new ConcretePaths(printed::add);

        paths.created("GET /concrete-paths-test/1");
        assertThat(printed).as("one value may be a fixed path").isEmpty();
        paths.created("GET /concrete-paths-test/2");
        paths.created("GET /concrete-paths-test/3");

        assertThat(printed).containsExactly("requests go to GET /concrete-paths-test/1, GET /concrete-paths-test/2, …,"
                + " each its own metric: the path is built from its values, so a budget on GET /concrete-paths-test/{id}"
                + " sees no samples. Write it as a template with the values apart, e.g."
                + " get(\"/concrete-paths-test/{id}\", id)");
    }

    @Test
    void aSummaryWarnsOfEveryPathBuiltFromValues() {
        assertThat(ConcretePaths.warnings(List.of("GET /a/1", "POST /a", "GET /a/2", "GET /b/{id}")))
                .singleElement().satisfies(warning -> assertThat(warning).startsWith("requests go to GET /a/1, GET /a/2, …"));
        assertThat(ConcretePaths.warnings(List.of("GET /a/1", "GET /b/2"))).isEmpty();
    }
}
