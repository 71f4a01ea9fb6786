package dev.horde.sample;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.user.User;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample: virtual users with state of their own. Each of the 10 users gets its own {@link Author}, kept across its
 * iterations; every iteration writes, edits, reads and deletes a post. Metrics are per endpoint template:
 * {@code POST /api/posts}, {@code PUT /api/posts/{id}}, {@code GET /api/posts/{id}}, {@code DELETE /api/posts/{id}}.
 */
@ExtendWith(DemoTarget.class)
@ErrorBudget(maxRate = 0.01)
class PostAuthorsLoadTest {

    /** One virtual user's own state. */
    static class Author implements User {
        private static final AtomicInteger numbers = new AtomicInteger();
        final String name = "author-" + numbers.incrementAndGet();
        int posted;
    }

    @LoadTest(users = 10, duration = "10s", rampUp = "2s", warmUp = "1s")
    @LatencyBudget(metric = "POST /api/posts", p95 = "300ms")
    @LatencyBudget(metric = "DELETE /api/posts/{id}", p95 = "300ms")
    void writeEditReadDelete(Author author) {
        int id = given().contentType(ContentType.JSON)
                .body(Map.of("channel", "town-square", "author", author.name, "message", "post " + ++author.posted))
                .post("/api/posts")
                .then().statusCode(201)
                .extract().path("id");

        given().contentType(ContentType.JSON).body(Map.of("message", "edited"))
                .put("/api/posts/{id}", id)
                .then().statusCode(200);

        given().get("/api/posts/{id}", id)
                .then().statusCode(200).body("author", equalTo(author.name)).body("message", equalTo("edited"));

        given().delete("/api/posts/{id}", id)
                .then().statusCode(204);
    }
}
