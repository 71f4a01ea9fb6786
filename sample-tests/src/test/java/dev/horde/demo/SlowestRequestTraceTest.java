package dev.horde.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.LoadTarget;
import dev.horde.LoadTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * End to end, from the report to the service: the trace ids Horde gives for the slowest requests are those the demo
 * logged for the same requests, on the same route, and the service's time is within the client's.
 */
class SlowestRequestTraceTest {

    static final Path LOG = Path.of("target", "demo-requests.log");
    static DemoServer demo;

    @LoadTarget
    static URI target() {
        return URI.create(demo.baseUri());
    }

    @BeforeAll
    static void startTheDemoLoggingEveryRequest() throws IOException {
        Files.createDirectories(LOG.getParent());
        demo = DemoServer.start(0);
        demo.logRequests(Duration.ZERO, LOG);
    }

    @LoadTest(users = 4, duration = "3s")
    @Timeout(40) // also caps the generator's warm-up at a quarter of it
    void readPosts() {
        given().get("/api/posts/{id}", 1 + ThreadLocalRandom.current().nextInt(10)).then().statusCode(200);
    }

    @AfterAll
    static void theSlowestRequestsAreTheOnesTheServiceLoggedInTheirTraces() throws IOException {
        demo.close();
        Path reports = Path.of(System.getProperty(LoadTest.REPORT_DIR_PROPERTY_NAME, LoadTest.DEFAULT_REPORT_DIR));
        JsonPath summary = JsonPath.from(reports.resolve(SlowestRequestTraceTest.class.getName() + ".readPosts.json")
                .toFile());
        List<Map<String, Object>> slowest = summary.getList("metrics['GET /api/posts/{id}'].slowest");
        List<String> logged = Files.readAllLines(LOG);

        assertThat(slowest).hasSize(3);
        for (Map<String, Object> sample : slowest) {
            List<String> lines = logged.stream().filter(line -> line.endsWith("trace=" + sample.get("traceId")
                    + " span=" + sample.get("spanId"))).toList();
            assertThat(lines).as("the service's log line of trace %s", sample.get("traceId")).hasSize(1);
            String[] fields = lines.get(0).split(" ");
            assertThat(fields[1] + " " + fields[2]).startsWith("GET /api/posts/");
            double serverMs = Double.parseDouble(fields[4]);
            double clientMs = ((Number) sample.get("ms")).doubleValue();
            assertThat(serverMs).as("the service's time, within the client's").isLessThanOrEqualTo(clientMs + 1);
        }
    }
}
