package dev.horde;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.http.HttpApi;
import dev.horde.http.HttpResult;
import dev.horde.http.UnexpectedStatusException;
import dev.horde.testing.FaultServer.Request;
import dev.horde.testing.FaultServer;
import dev.horde.testing.FaultTarget;
import dev.horde.testing.Fixtures;
import dev.horde.testing.NoLeaks;
import dev.horde.user.User;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape a response can take, on both clients, from a server on raw sockets: each sample counts as what its
 * status says, the same user's next request succeeds, and the user's connection is reused wherever the server lets
 * it (connections counted at the server).
 */
@ExtendWith(NoLeaks.class)
class ResponseShapeTests {

    private static final int USERS = 2;
    private static final int ITERATIONS = 10;
    private static final String TEXT = "{\"shape\":\"" + "gzip ".repeat(200) + "\"}";
    private static final int LARGE = 1 << 20;

    /** The shape the fixture being run asks for, and the server that answers it. */
    static volatile Shape shape;
    static volatile String target;

    @RegisterExtension
    final FaultTarget faults = new FaultTarget();

    @TempDir
    Path reports;

    static Stream<Arguments> shapesOnBothClients() {
        return Arrays.stream(Shape.values()).flatMap(shape -> Arrays.stream(Client.values())
                .map(client -> Arguments.of(shape, client)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("shapesOnBothClients")
    void eachShapeCountsAsItsStatusAndTheUserGoesOn(Shape tried, Client client) throws IOException {
        shape = tried;
        FaultServer server = faults.serve(ResponseShapeTests::respond);
        target = server.baseUri();

        Fixtures.assertPassed(Fixtures.run(client.fixture, reports));

        JsonPath summary = Fixtures.accountedFor(Fixtures.summary(reports, client.fixture, "shape"));
        int samples = USERS * ITERATIONS;
        String metric = "metrics['" + tried.method + " /shape']";
        assertThat(summary.getInt(metric + ".sent")).isEqualTo(samples);
        if (tried.finalStatus >= 400) {
            assertThat(summary.getInt(metric + ".failed")).isEqualTo(samples);
            assertThat(summary.getInt(metric + ".errors['HTTP " + tried.finalStatus + "']")).isEqualTo(samples);
        } else {
            assertThat(summary.getInt(metric + ".ok")).isEqualTo(samples);
        }
        assertThat(summary.getInt("metrics['GET /ok'].ok")).as("the next request of each user").isEqualTo(samples);
        assertThat(summary.getInt("metrics.iteration.failed")).as(summary.prettify()).isZero();
        System.out.printf("%s on %s: %d connections for %d requests%n", tried, client, server.connections(),
                server.requests());
        if (tried.closes) {
            assertThat(server.connections()).as("a new connection after each one the server closed, then reused")
                    .isBetween(samples + 1, samples + USERS);
        } else {
            assertThat(server.connections()).as("connections kept alive").isBetween(1, USERS);
        }
    }

    /** The fixture's checks of a response, made in the virtual user so that a wrong one fails its iteration. */
    private static void check(int status, byte[] body) {
        assertThat(status).as("status of %s", shape).isEqualTo(shape.finalStatus);
        assertThat(body.length).as("body length of %s", shape).isEqualTo(shape.bodyLength);
    }

    private static boolean respond(Socket socket, OutputStream out, Request request) throws IOException {
        if (!request.path().equals("/shape")) {
            return FaultServer.ok(socket, out, request);
        }
        out.write(shape.response(request));
        out.flush();
        return !shape.closes;
    }

    /** The shapes a response can take. */
    enum Shape {
        EMPTY_200("GET", 200, "200 OK\r\nContent-Length: 0\r\n\r\n"),
        EMPTY_201("POST", 201, "201 Created\r\nLocation: /shape/1\r\nContent-Length: 0\r\n\r\n"),
        EMPTY_202("POST", 202, "202 Accepted\r\nContent-Length: 0\r\n\r\n"),
        EMPTY_401("GET", 401, "401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"shape\"\r\nContent-Length: 0\r\n\r\n"),
        EMPTY_404("GET", 404, "404 Not Found\r\nContent-Length: 0\r\n\r\n"),
        EMPTY_500("GET", 500, "500 Internal Server Error\r\nContent-Length: 0\r\n\r\n"),
        NO_CONTENT_204("DELETE", 204, "204 No Content\r\n\r\n"),
        NOT_MODIFIED_304("GET", 304, "304 Not Modified\r\nETag: \"v1\"\r\n\r\n"),
        HEAD("HEAD", 200, "200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"),
        EMPTY_CHUNKED("GET", 200, "200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        LARGE_CHUNKED("GET", 200, null) {
            @Override
            byte[] response(Request request) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(LARGE + 4096);
                out.writeBytes(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"));
                byte[] chunk = new byte[8192];
                Arrays.fill(chunk, (byte) 'x');
                for (int sent = 0; sent < LARGE; sent += chunk.length) {
                    out.writeBytes(ascii("2000\r\n"));
                    out.writeBytes(chunk);
                    out.writeBytes(ascii("\r\n"));
                }
                out.writeBytes(ascii("0\r\n\r\n"));
                return out.toByteArray();
            }
        },
        GZIP("GET", 200, null) {
            @Override
            byte[] response(Request request) throws IOException {
                byte[] text = TEXT.getBytes(StandardCharsets.UTF_8);
                if (!request.header("Accept-Encoding").contains("gzip")) {
                    return concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                            + text.length + "\r\n\r\n"), text);
                }
                ByteArrayOutputStream zipped = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                    gzip.write(text);
                }
                return concat(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
                        + "Content-Length: " + zipped.size() + "\r\n\r\n"), zipped.toByteArray());
            }
        },
        REDIRECT("GET", 200, "302 Found\r\nLocation: /ok\r\nContent-Length: 0\r\n\r\n"),
        CONNECTION_CLOSE("GET", 200, "200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok"),
        CLOSED_AFTER_RESPONSE("GET", 200, "200 OK\r\nContent-Length: 2\r\n\r\nok"),
        BODY_UNTIL_CLOSE("GET", 200, "200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end");

        final String method;
        final int finalStatus;
        final int bodyLength;
        final boolean closes;
        private final byte[] response;

        Shape(String method, int finalStatus, String response) {
            this.method = method;
            this.finalStatus = finalStatus;
            this.response = response == null ? null : ascii("HTTP/1.1 " + response);
            this.closes = name().contains("CLOSE") || name().equals("BODY_UNTIL_CLOSE");
            this.bodyLength = switch (name()) {
                case "LARGE_CHUNKED" -> LARGE;
                case "GZIP" -> TEXT.length();
                case "REDIRECT" -> "ok".length(); // FaultServer.ok's body
                case "CONNECTION_CLOSE", "CLOSED_AFTER_RESPONSE" -> 2;
                case "BODY_UNTIL_CLOSE" -> "until the end".length();
                default -> 0;
            };
        }

        /** The raw bytes of the answer to {@code request}. */
        byte[] response(Request request) throws IOException {
            return response;
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] concat(byte[] head, byte[] body) {
            byte[] both = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, both, head.length, body.length);
            return both;
        }
    }

    /** The two HTTP clients, each with its fixture. */
    enum Client {
        REST_ASSURED(RestAssuredShape.class),
        LEAN(LeanShape.class);

        final Class<?> fixture;

        Client(Class<?> fixture) {
            this.fixture = fixture;
        }
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    static class RestAssuredShape {
        @LoadTest(users = USERS, iterations = ITERATIONS, duration = "60s")
        void shape() {
            RequestSpecification request = given().baseUri(target);
            if (shape.method.equals("POST")) {
                request.body("{}");
            }
            Response response = request.request(shape.method, "/shape");
            check(response.statusCode(), response.asByteArray());
            given().baseUri(target).get("/ok").then().statusCode(200);
        }
    }

    /** A user with a lean client to the shape server. */
    public static class Lean implements User {
        final HttpApi api = HttpApi.to(target);
    }

    static class LeanShape {
        @LoadTest(users = USERS, iterations = ITERATIONS, duration = "60s")
        void shape(Lean user) {
            HttpResult result;
            try {
                result = shape.method.equals("POST")
                        ? user.api.post("/shape").json("{}").send()
                        : user.api.request(shape.method, "/shape").send();
            } catch (UnexpectedStatusException failed) {
                result = failed.response();
            }
            check(result.status(), result.bytes());
            user.api.get("/ok").send();
        }
    }
}
