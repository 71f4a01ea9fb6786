package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.user.VirtualUser;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample: a client Horde does not record (here the JDK's own HttpClient; a GraphQL or gRPC client or a database query
 * alike) timed under a name of the test's choosing, with a budget on that name. Each virtual user picks the posts it
 * reads with its own random generator, seeded from the run's seed, so -Dhorde.seed replays the same choices.
 * Iterations arrive at 50 a second (the open model) whatever the service does.
 */
@ExtendWith(DemoTarget.class)
class OtherClientLoadTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LoadTest(rate = "50/s", duration = "5s") // no users: a pool for 2 s of arrivals, which the summary shows
    @LatencyBudget(metric = "JDK client: read a post", p95 = "250ms")
    @ErrorBudget(maxRate = 0.01)
    void readPostsWithAnotherClient() throws Exception {
        int post = 1 + VirtualUser.random().nextInt(10); // the demo starts with posts 1 to 10
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + "/api/posts/" + post))
                .timeout(Duration.ofSeconds(5))
                .build();
        VirtualUser.time("JDK client: read a post", () -> {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("post " + post + " answered " + response.statusCode());
            }
        });
    }
}
