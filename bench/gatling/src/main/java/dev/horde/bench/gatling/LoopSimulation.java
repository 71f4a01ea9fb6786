package dev.horde.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.time.Duration;

/**
 * {@code bench.users} users, each with its own keep-alive connection, GET {@code bench.url} back to back (status
 * checked, body not read further) for {@code bench.seconds}: the loop bench/run.sh runs in every tool.
 */
public class LoopSimulation extends Simulation {

    private final URI url = URI.create(System.getProperty("bench.url", "http://127.0.0.1:18089/api/posts/1"));
    private final int users = Integer.getInteger("bench.users", 50);
    private final Duration length = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));

    private final HttpProtocolBuilder protocol = http
            .baseUrl(url.getScheme() + "://" + url.getAuthority())
            .disableCaching()
            .disableWarmUp();

    private final ScenarioBuilder loop = scenario("loop")
            .forever().on(http("get").get(url.getRawPath()).check(status().is(200)));

    {
        setUp(loop.injectOpen(atOnceUsers(users))).protocols(protocol).maxDuration(length);
    }
}
