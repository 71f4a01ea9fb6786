package example.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.ThroughputBudget;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A REST Assured test of the kind Spring Boot suites have, turned into a load test: the same steps run as a plain
 * test and under 20 virtual users. Three of the four answers have no body (201, 200 from
 * {@code ResponseEntity.ok().build()}, 204): every one of them must leave the user's kept-alive connection usable.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ItemsLoadTest {

    @LocalServerPort
    int port;

    @BeforeEach
    void pointRestAssuredAtTheApplication() {
        RestAssured.port = port;
    }

    @Test
    void anItemCanBeCreatedRestockedReadAndDeleted() {
        long id = lifeOfAnItem();

        given().get("/api/items/{id}", id).then().statusCode(404);
    }

    @LoadTest(users = 20, duration = "6s", rampUp = "1s")
    @ErrorBudget(maxRate = 0)
    @LatencyBudget(p99 = "2s")
    @ThroughputBudget(metric = "PUT /api/items/{id}/stock", min = 5)
    void itemsUnderLoad() {
        lifeOfAnItem();
    }

    private static long lifeOfAnItem() {
        String location = given().contentType(ContentType.JSON).body(Map.of("name", "bolt"))
                .post("/api/items")
                .then().statusCode(201).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        given().queryParam("add", 5).put("/api/items/{id}/stock", id).then().statusCode(200);
        given().get("/api/items/{id}", id).then().statusCode(200).body("stock", equalTo(5));
        given().delete("/api/items/{id}", id).then().statusCode(204);
        return id;
    }
}
