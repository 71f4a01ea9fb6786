package dev.horde.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo chat service the sample load tests run against: posts in channels over a JSON API. In memory,
 * thread-safe, on loopback. Start it embedded with {@link #start(int)} or standalone with {@link #main(String[])}.
 *
 * <pre>
 * GET    /health                 200 {"status":"up"}
 * GET    /api/posts?channel=c    200 [post, …] newest first (at most 20)
 * POST   /api/posts              201 post        body {"channel":…, "author":…, "message":…}
 * GET    /api/posts/{id}         200 post | 404
 * PUT    /api/posts/{id}         200 post | 404  body {"message":…}
 * DELETE /api/posts/{id}         204 | 404
 * </pre>
 */
public final class DemoServer implements AutoCloseable {

    private static final Pattern POST_PATH = Pattern.compile("/api/posts/(\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final PostStore posts = new PostStore();

    private DemoServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "demo-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/health", exchange -> respond(exchange, 200, Map.of("status", "up")));
        server.createContext("/api/posts", this::posts);
        for (int i = 1; i <= 10; i++) {
            posts.create("town-square", "demo", "welcome post " + i);
        }
        server.start();
    }

    /** Starts the service on 127.0.0.1 and {@code port} (0 for any free port). */
    public static DemoServer start(int port) throws IOException {
        return new DemoServer(port);
    }

    /** Runs the service until the process is stopped: {@code java dev.horde.demo.DemoServer [port]}. */
    public static void main(String[] args) throws IOException {
        DemoServer demo = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println("demo chat service on " + demo.baseUri());
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void posts(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals("/api/posts") || path.equals("/api/posts/")) {
                switch (method) {
                    case "GET" -> respond(exchange, 200, posts.latest(query(exchange, "channel"), 20));
                    case "POST" -> {
                        JsonNode body = body(exchange);
                        String channel = text(body, "channel").orElse("town-square");
                        Optional<String> message = text(body, "message");
                        if (message.isEmpty()) {
                            respond(exchange, 400, Map.of("error", "message is required"));
                        } else {
                            respond(exchange, 201, posts.create(channel, text(body, "author").orElse("anonymous"),
                                    message.get()));
                        }
                    }
                    default -> respond(exchange, 405, Map.of("error", "method not allowed"));
                }
                return;
            }
            Matcher matcher = POST_PATH.matcher(path);
            if (!matcher.matches()) {
                respond(exchange, 404, Map.of("error", "not found"));
                return;
            }
            long id = Long.parseLong(matcher.group(1));
            switch (method) {
                case "GET" -> found(exchange, posts.find(id));
                case "PUT" -> found(exchange, posts.update(id, text(body(exchange), "message").orElse("")));
                case "DELETE" -> {
                    if (posts.delete(id)) {
                        respond(exchange, 204, null);
                    } else {
                        respond(exchange, 404, Map.of("error", "no post " + id));
                    }
                }
                default -> respond(exchange, 405, Map.of("error", "method not allowed"));
            }
        } catch (IOException | RuntimeException e) {
            respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static void found(HttpExchange exchange, Optional<Post> post) throws IOException {
        if (post.isPresent()) {
            respond(exchange, 200, post.get());
        } else {
            respond(exchange, 404, Map.of("error", "no such post"));
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        }
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] bytes = JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
