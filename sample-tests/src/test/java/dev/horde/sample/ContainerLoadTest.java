package dev.horde.sample;

import static io.restassured.RestAssured.given;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTarget;
import dev.horde.LoadTest;
import dev.horde.TargetMetric;
import dev.horde.TargetResourceBudget;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Sample 10: the demo service's image ({@code Dockerfile}), started by Testcontainers' JUnit extension and named as
 * the target by {@link LoadTarget}; Horde samples the container's CPU and memory from Docker while the users post and
 * read, reports them beside the latencies, and holds them to a budget. Runs where a Docker engine has the image
 * ({@code docker/local-images.sh} builds it); skipped, saying why, elsewhere.
 *
 * <p>The demo listens on 127.0.0.1 only, so it runs on the host's network here, where {@code @LoadTarget} needs its
 * port; with Docker's bridge network, {@code withExposedPorts(8080)} and {@code @LoadTarget} alone do.
 */
@Testcontainers
@EnabledIf(value = "imageAvailable", disabledReason = "no Docker engine with the image " + ContainerLoadTest.IMAGE
        + ": docker/local-images.sh builds it")
class ContainerLoadTest {

    static final String IMAGE = "horde/demo:latest";
    /** The demo's port on the host's network, where Docker maps no port. */
    private static final int PORT = 18091;

    @Container
    @LoadTarget(port = PORT)
    static final GenericContainer<?> DEMO = new GenericContainer<>(IMAGE)
            .withNetworkMode("host")
            .withCommand(String.valueOf(PORT))
            .withEnv("JAVA_TOOL_OPTIONS", "-Xmx256m")
            .waitingFor(Wait.forLogMessage(".*demo chat service on.*\\n", 1));

    @LoadTest(users = 10, duration = "15s", rampUp = "3s", warmUp = "5s")
    @LatencyBudget(metric = "POST /api/posts", p95 = "250ms")
    @LatencyBudget(metric = "GET /api/channels/{id}/posts", p95 = "250ms")
    @ErrorBudget(maxRate = 0.01)
    @TargetResourceBudget(cpu = "1.5", memory = "400MB", over = TargetMetric.Over.MEAN)
    void postAndRead() throws InterruptedException {
        given().contentType("application/json").body("{\"channel\":\"town-square\",\"message\":\"hello\"}")
                .post("/api/posts").then().statusCode(201);
        given().get("/api/channels/{id}/posts", 1).then().statusCode(200);
        Thread.sleep(50);
    }

    static boolean imageAvailable() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return false;
            }
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
