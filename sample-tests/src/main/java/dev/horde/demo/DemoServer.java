package dev.horde.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo chat service the sample load tests run against, on loopback: accounts and sessions, channels, posts and
 * reactions over a JSON API, and a WebSocket that pushes {@code posted}, {@code post_edited}, {@code post_deleted} and
 * {@code reaction_added} events to channel members. In memory and thread-safe. Start it embedded with
 * {@link #start(int)} or standalone with {@link #main(String[])}.
 *
 * <pre>
 * GET    /health                        200 {"status":"up"}
 * GET    /metrics                       200 the service's own meters in Prometheus' text format: http.server.requests
 *                                           by method, route, status and outcome (with histogram buckets), JVM memory,
 *                                           GC, threads and process CPU; ?format=openmetrics: OpenMetrics, exemplars
 * GET    /api/config                    200 {"websocketUrl":"ws://127.0.0.1:…/api/websocket"}
 * POST   /api/users                     201 {"id","username"} | 409 taken    {"username","password"}
 * POST   /api/users/login               200 {"token","id"} | 401            {"username","password"}
 * POST   /api/users/logout              204 | 401                          (Authorization: Bearer token)
 * GET    /api/users/me                  200 {"id","username"} | 401         (signed in)
 * GET    /api/channels                  200 [channel, …]
 * POST   /api/channels                  201 channel (creator joins)         {"name"}            (signed in)
 * POST   /api/channels/{id}/members     200 channel (joins) | 404                               (signed in)
 * GET    /api/channels/{id}/posts       200 [post, …] newest first, at most 20
 * GET    /api/posts?channel=name        200 [post, …] newest first, at most 20
 * POST   /api/posts                     201 post    {"channel_id" or "channel", "message", "nonce"?, "author"?}
 * GET    /api/posts/{id}                200 post | 404
 * PUT    /api/posts/{id}                200 post | 404                      {"message"}
 * DELETE /api/posts/{id}                204 | 404
 * POST   /api/posts/{id}/reactions      201 | 404                           {"emoji"}          (signed in)
 * </pre>
 * Posting without a token is allowed (author "anonymous" unless given); posting signed in to a channel requires
 * membership (403 otherwise). Started with an identity service (another demo), the service also accepts the tokens
 * that one issued: {@code DemoServer <port> <identity URL>}. Every request's {@code traceparent} is read: slow
 * requests are logged with their trace id ({@link #logRequests}) and the request timer's exemplars carry it.
 */
public final class DemoServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body in two segments; with Nagle's algorithm on, a keep-alive client's
        // delayed ACK holds the body back ~40 ms. Read once, when the JDK's server configuration first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final Pattern POST = Pattern.compile("/api/posts/(\\d+)(/reactions)?");
    private static final Pattern CHANNEL = Pattern.compile("/api/channels/(\\d+)/(members|posts)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventHub hub = new EventHub();
    private final ChatService chat;
    private final HttpClient identityClient;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT,
            new PrometheusRegistry(), Clock.SYSTEM, new RequestTrace());
    private volatile RequestLog requestLog = RequestLog.slowerThan(
            Duration.ofMillis(Long.getLong("demo.slowLog", 250)), System.out);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    private DemoServer(int port, URI identity) throws IOException {
        identityClient = identity == null ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        chat = new ChatService(hub::publish,
                identity == null ? token -> Optional.empty() : token -> user(identity, token));
        try {
            hub.serve(chat);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the WebSocket server", e);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "demo-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        new JvmMemoryMetrics().bindTo(meters);
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        server.createContext("/", exchange -> {
            long start = System.nanoTime();
            String[] trace = RequestTrace.parse(exchange.getRequestHeaders().getFirst("traceparent"));
            RequestTrace.enter(trace);
            try {
                route(exchange);
            } catch (RuntimeException | IOException e) { // a body that is not JSON, a field of the wrong type
                respond(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
            } finally {
                exchange.close(); // after the answer: try-with-resources would close it before the catch could answer
                long nanos = System.nanoTime() - start;
                timed(exchange, nanos); // its exemplar names the trace
                RequestTrace.exit();
                requestLog.log(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getResponseCode(), nanos, trace);
            }
        });
        for (int i = 1; i <= 10; i++) {
            chat.post(chat.channel(ChatService.TOWN_SQUARE), "demo", "welcome post " + i, null);
        }
        server.start();
    }

    /** Starts the service on 127.0.0.1 and {@code port} (0 for any free port); its WebSocket takes a free port. */
    public static DemoServer start(int port) throws IOException {
        return new DemoServer(port, null);
    }

    /**
     * Starts the service as {@link #start(int)} does, trusting the sign-ins of the demo at {@code identity}: a token
     * it does not know it asks there ({@code GET /api/users/me}), so users sign up and log in at one service and
     * post and listen at this one.
     */
    public static DemoServer start(int port, URI identity) throws IOException {
        return new DemoServer(port, identity);
    }

    /**
     * Runs the service until the process is stopped:
     * {@code mvn -pl sample-tests -am compile exec:java -Ddemo.port=8080}.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        DemoServer demo = start(args.length > 0 ? Integer.parseInt(args[0]) : 8080,
                args.length > 1 ? URI.create(args[1]) : null);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println("demo chat service on " + demo.baseUri() + ", WebSocket " + demo.websocketUri()
                + " (Ctrl-C stops it)");
        new CountDownLatch(1).await();
    }

    /**
     * Logs every request slower than {@code threshold} (zero: every request) to {@code file}, one line each with its
     * trace id: {@code 2026-12-01T10:15:30.120Z GET /api/posts/7 200 12.345 ms trace=4bf9… span=00f0…}. By default,
     * requests slower than {@code -Ddemo.slowLog} ms (250) go to the standard output.
     */
    public void logRequests(Duration threshold, java.nio.file.Path file) throws IOException {
        requestLog = RequestLog.slowerThan(threshold, new java.io.PrintStream(
                java.nio.file.Files.newOutputStream(file), true, StandardCharsets.UTF_8));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code ws://127.0.0.1:<port>/api/websocket}. */
    public String websocketUri() {
        return "ws://127.0.0.1:" + hub.getPort() + "/api/websocket";
    }

    @Override
    public void close() {
        gc.close();
        server.stop(0);
        executor.shutdownNow();
        try {
            hub.shutDown(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The route of {@code path}: the path with its ids as {@code {id}}. */
    private static String route(String path) {
        Matcher post = POST.matcher(path);
        Matcher channel = CHANNEL.matcher(path);
        return post.matches() ? "/api/posts/{id}" + (post.group(2) == null ? "" : "/reactions")
                : channel.matches() ? "/api/channels/{id}/" + channel.group(2) : path;
    }

    /** Times a request as {@code http.server.requests}: by method, route (unknown paths as one), status and outcome. */
    private void timed(HttpExchange exchange, long nanos) {
        int status = exchange.getResponseCode();
        String route = status == 404 && !exchange.getRequestURI().getPath().startsWith("/api/") ? "NOT_FOUND"
                : route(exchange.getRequestURI().getPath());
        Timer.builder("http.server.requests")
                .tag("method", exchange.getRequestMethod()).tag("uri", route).tag("status", String.valueOf(status))
                .tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS")
                .publishPercentileHistogram()
                .register(meters)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Optional<Account> account = chat.session(token(exchange));
        Matcher post = POST.matcher(path);
        Matcher channel = CHANNEL.matcher(path);
        if (!post.matches()) {
            channel.matches(); // the cases below read the groups of whichever matched
        }
        switch (method + " " + route(path)) {
            case "GET /health" -> respond(exchange, 200, Map.of("status", "up"));
            case "GET /metrics" -> metrics(exchange);
            case "GET /api/config" -> respond(exchange, 200, Map.of("websocketUrl", websocketUri()));
            case "POST /api/users" -> signup(exchange);
            case "POST /api/users/login" -> login(exchange);
            case "GET /api/users/me" -> respond(exchange, account.isPresent() ? 200 : 401, account
                    .<Object>map(me -> Map.of("id", me.id(), "username", me.username()))
                    .orElse(Map.of("error", "not signed in")));
            case "POST /api/users/logout" -> {
                String token = token(exchange);
                respond(exchange, token != null && chat.logout(token) ? 204 : 401, null);
            }
            case "GET /api/channels" -> respond(exchange, 200, chat.channels());
            case "POST /api/channels" -> {
                if (account.isEmpty()) {
                    respond(exchange, 401, Map.of("error", "sign in first"));
                    return;
                }
                Channel created = chat.channel(text(body(exchange), "name").orElse("general"));
                chat.join(account.get().id(), created.id());
                respond(exchange, 201, created);
            }
            case "POST /api/channels/{id}/members" -> {
                if (account.isEmpty()) {
                    respond(exchange, 401, Map.of("error", "sign in first"));
                    return;
                }
                found(exchange, chat.join(account.get().id(), Long.parseLong(channel.group(1))));
            }
            case "GET /api/channels/{id}/posts" -> respond(exchange, 200, chat.latest(Long.parseLong(channel.group(1)), 20));
            case "GET /api/posts" -> {
                String name = query(exchange, "channel");
                respond(exchange, 200, chat.latest(name == null ? null : chat.channel(name).id(), 20));
            }
            case "POST /api/posts" -> createPost(exchange, account);
            case "GET /api/posts/{id}" -> found(exchange, chat.find(Long.parseLong(post.group(1))));
            case "PUT /api/posts/{id}" -> found(exchange,
                    chat.edit(Long.parseLong(post.group(1)), text(body(exchange), "message").orElse("")));
            case "DELETE /api/posts/{id}" -> respond(exchange, chat.delete(Long.parseLong(post.group(1))) ? 204 : 404, null);
            case "POST /api/posts/{id}/reactions" -> {
                if (account.isEmpty()) {
                    respond(exchange, 401, Map.of("error", "sign in first"));
                    return;
                }
                String emoji = text(body(exchange), "emoji").orElse("+1");
                Optional<Post> reacted = chat.react(Long.parseLong(post.group(1)), account.get().username(), emoji);
                respond(exchange, reacted.isPresent() ? 201 : 404, reacted.isPresent() ? Map.of("emoji", emoji) : null);
            }
            default -> respond(exchange, 404, Map.of("error", "no route " + method + " " + path));
        }
    }

    /** The user the identity service signed in with {@code token}, if it did. */
    private Optional<String> user(URI identity, String token) {
        HttpRequest request = HttpRequest.newBuilder(identity.resolve("/api/users/me")).timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + token).GET().build();
        try {
            HttpResponse<byte[]> response = identityClient.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? text(JSON.readTree(response.body()), "username") : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void signup(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        Optional<String> username = text(body, "username");
        Optional<String> password = text(body, "password");
        if (username.isEmpty() || password.isEmpty()) {
            respond(exchange, 400, Map.of("error", "username and password are required"));
            return;
        }
        Optional<Account> account = chat.signup(username.get(), password.get());
        if (account.isEmpty()) {
            respond(exchange, 409, Map.of("error", "username taken"));
        } else {
            respond(exchange, 201, Map.of("id", account.get().id(), "username", account.get().username()));
        }
    }

    private void login(HttpExchange exchange) throws IOException {
        JsonNode body = body(exchange);
        String username = text(body, "username").orElse("");
        Optional<String> token = chat.login(username, text(body, "password").orElse(""));
        if (token.isEmpty()) {
            respond(exchange, 401, Map.of("error", "wrong username or password"));
        } else {
            respond(exchange, 200, Map.of("token", token.get(), "id", chat.session(token.get()).orElseThrow().id()));
        }
    }

    private void createPost(HttpExchange exchange, Optional<Account> account) throws IOException {
        JsonNode body = body(exchange);
        Optional<String> message = text(body, "message");
        if (message.isEmpty()) {
            respond(exchange, 400, Map.of("error", "message is required"));
            return;
        }
        Optional<Channel> channel = body.hasNonNull("channel_id")
                ? chat.channel(body.get("channel_id").asLong())
                : Optional.of(chat.channel(text(body, "channel").orElse(ChatService.TOWN_SQUARE)));
        if (channel.isEmpty()) {
            respond(exchange, 404, Map.of("error", "no such channel"));
            return;
        }
        if (account.isPresent() && !channel.get().members().contains(account.get().id())) {
            respond(exchange, 403, Map.of("error", "join the channel first"));
            return;
        }
        String author = account.map(Account::username).orElseGet(() -> text(body, "author").orElse("anonymous"));
        respond(exchange, 201, chat.post(channel.get(), author, message.get(), text(body, "nonce").orElse(null)));
    }

    private static void found(HttpExchange exchange, Optional<?> value) throws IOException {
        respond(exchange, value.isPresent() ? 200 : 404, value.isPresent() ? value.get() : Map.of("error", "not found"));
    }

    private static String token(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
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
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
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

    /**
     * Prometheus' text format, or with {@code ?format=openmetrics} OpenMetrics, with exemplars (the trace of a request
     * in each bucket); opt-in, as Prometheus' scrape of the sample configuration reads the text format.
     */
    private void metrics(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        boolean openMetrics = query != null && query.contains("format=openmetrics");
        String type = openMetrics ? "application/openmetrics-text; version=1.0.0; charset=utf-8"
                : "text/plain; version=0.0.4; charset=utf-8";
        respondText(exchange, type, meters.scrape(type));
    }

    private static void respondText(HttpExchange exchange, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
