package dev.horde.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A real HTTP server on 127.0.0.1 with routes that behave in known ways, counting every request it answers:
 * {@code /ok} (held while the server is {@linkplain #stall stalled}), {@code /items/{id}}, {@code /sleep?ms=N},
 * {@code /limited?ms=N} (takes N ms, serving {@linkplain #serveAtOnce a few} at a time: a server of known capacity) (answers after N ms), {@code /flaky} (every 10th
 * request answers 500), {@code /fail} (always 500), {@code /login} (sets the cookie {@code session=s3}),
 * {@code /whoami} (answers the request's raw path, {@code Cookie} and {@code Authorization} headers as JSON),
 * {@code /trickle?ms=N} (answers at once, then sends its body a byte every 50 ms for N ms), {@code /leak}
 * (401 with a token and a password in its body, and a session cookie), {@code /json} (201 when the body is JSON,
 * 400 when not), {@code /count?prefix=P} (how many requests it answered on paths starting with P, itself not
 * counted), {@code /metrics} (those counts for Prometheus as {@code test_requests_total{path}}). It also counts the
 * connections requests came on, and requests that chaos marked under {@code "chaos <kind>"}.
 */
public final class TestServer implements AutoCloseable {

    static {
        // The JDK server writes headers and body in two segments; with Nagle's algorithm on, a keep-alive client's
        // delayed ACK holds the body back ~40 ms. Read once, when the JDK's server configuration first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicLong flaky = new AtomicLong();
    private final java.util.Set<java.net.InetSocketAddress> clients = ConcurrentHashMap.newKeySet();
    private volatile long stalledUntilNanos = System.nanoTime();
    private volatile java.util.concurrent.Semaphore serving = new java.util.concurrent.Semaphore(2, true);

    private TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a server on a free port. */
    public static TestServer start() throws IOException {
        return new TestServer();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests answered on paths starting with {@code prefix}. */
    public long requests(String prefix) {
        return requests.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** Distinct client connections (address and port) that requests came on. */
    public int connections() {
        return clients.size();
    }

    /**
     * Holds every request on {@code /ok} that arrives during the next {@code stall} until the stall is over, as a
     * server that stops serving for a while (a long GC pause, a lock) would.
     */
    public void stall(java.time.Duration stall) {
        stalledUntilNanos = System.nanoTime() + stall.toNanos();
    }

    /** How many requests {@code /limited} serves at a time (2 unless set); the others wait their turn, in order. */
    public void serveAtOnce(int requests) {
        serving = new java.util.concurrent.Semaphore(requests, true);
    }

    /** Forgets all counts. */
    public void resetCounts() {
        requests.clear();
        clients.clear();
        flaky.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        clients.add(exchange.getRemoteAddress());
        int status = 200;
        String answer = null;
        if (path.startsWith("/trickle")) {
            trickle(exchange, Long.parseLong(query(exchange, "ms")));
            return;
        }
        if (path.equals("/metrics")) { // what Prometheus scrapes: requests answered, by path, not counting scrapes
            StringBuilder text = new StringBuilder("# TYPE test_requests_total counter\n");
            requests.forEach((counted, count) -> text.append("test_requests_total{path=\"").append(counted)
                    .append("\"} ").append(count.sum()).append('\n'));
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            return;
        }
        if (path.equals("/count")) {
            byte[] count = Long.toString(requests(query(exchange, "prefix"))).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, count.length);
            exchange.getResponseBody().write(count);
            exchange.close();
            return;
        }
        try {
            if (path.startsWith("/sleep")) {
                TimeUnit.MILLISECONDS.sleep(Long.parseLong(query(exchange, "ms")));
            } else if (path.startsWith("/flaky")) {
                status = flaky.incrementAndGet() % 10 == 0 ? 500 : 200;
            } else if (path.startsWith("/fail")) {
                status = 500;
            } else if (path.startsWith("/leak")) {
                status = 401;
                exchange.getResponseHeaders().add("Set-Cookie", "session=PLANTED-COOKIE-5; Path=/");
                answer = "{\"token\":\"PLANTED-TOKEN-3\",\"password\":\"PLANTED-PW-4\"}";
            } else if (path.startsWith("/json")) {
                status = isJson(exchange.getRequestBody().readAllBytes()) ? 201 : 400;
            } else if (path.startsWith("/login")) {
                exchange.getResponseHeaders().add("Set-Cookie", "session=s3; Path=/");
            } else if (path.startsWith("/whoami")) {
                answer = "{\"path\":\"" + exchange.getRequestURI().getRawPath() + "\",\"cookie\":\""
                        + header(exchange, "Cookie") + "\",\"authorization\":\"" + header(exchange, "Authorization")
                        + "\"}";
            } else if (path.startsWith("/limited")) {
                java.util.concurrent.Semaphore permits = serving;
                permits.acquire();
                try {
                    TimeUnit.MILLISECONDS.sleep(Long.parseLong(query(exchange, "ms")));
                } finally {
                    permits.release();
                }
            } else if (path.startsWith("/ok")) {
                long stalled = stalledUntilNanos - System.nanoTime();
                if (stalled > 0) {
                    TimeUnit.NANOSECONDS.sleep(stalled);
                }
            } else if (!path.startsWith("/items/")) {
                status = 404;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        }
        requests.computeIfAbsent(path, p -> new LongAdder()).increment();
        String chaos = exchange.getRequestHeaders().getFirst("X-Horde-Chaos");
        if (chaos != null) {
            requests.computeIfAbsent("chaos " + chaos, p -> new LongAdder()).increment();
        }
        byte[] body = (answer != null ? answer : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void trickle(HttpExchange exchange, long millis) throws IOException {
        requests.computeIfAbsent("/trickle", p -> new LongAdder()).increment();
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < millis; sent += 50) {
                out.write('.');
                out.flush();
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up, or the server is stopping
        }
    }

    private static boolean isJson(byte[] body) {
        try {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    private static String query(HttpExchange exchange, String name) {
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("missing query parameter " + name);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
