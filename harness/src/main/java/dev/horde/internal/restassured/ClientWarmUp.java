package dev.horde.internal.restassured;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.sun.net.httpserver.HttpServer;
import dev.horde.http.HttpApi;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * One sequential call with each HTTP client (REST Assured, {@link HttpApi}) to a throwaway server on loopback, once
 * per JVM and before the first load test's clock starts: the clients' first call loads their classes (seconds for
 * REST Assured's Groovy runtime, and under concurrency it pins virtual threads), which would otherwise land in the
 * first users' latencies.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClientWarmUp {

    private static boolean done;

    private ClientWarmUp() {
    }

    /** Warms the clients up unless already done in this JVM; a failure is reported and otherwise ignored. */
    public static synchronized void once() {
        if (done) {
            return;
        }
        done = true;
        HttpServer server = null;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.createContext("/", exchange -> {
                byte[] body = "{\"warm\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            String uri = "http://127.0.0.1:" + server.getAddress().getPort();
            RestAssured.given().baseUri(uri).get("/").then().statusCode(200).extract().path("warm");
            HttpApi.to(uri).get("/").send().json();
        } catch (IOException | RuntimeException | AssertionError e) {
            System.err.println("horde: the HTTP clients' warm-up call failed (" + e
                    + "); their first requests in the test will include their start-up");
        } finally {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
