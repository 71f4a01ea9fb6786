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
 * {@code /ok}, {@code /items/{id}}, {@code /sleep?ms=N} (answers after N ms), {@code /flaky} (every 10th
 * request answers 500), {@code /fail} (always 500).
 */
public final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentHashMap<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicLong flaky = new AtomicLong();

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

    /** Forgets all counts. */
    public void resetCounts() {
        requests.clear();
        flaky.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int status = 200;
        try {
            if (path.startsWith("/sleep")) {
                TimeUnit.MILLISECONDS.sleep(Long.parseLong(query(exchange, "ms")));
            } else if (path.startsWith("/flaky")) {
                status = flaky.incrementAndGet() % 10 == 0 ? 500 : 200;
            } else if (path.startsWith("/fail")) {
                status = 500;
            } else if (!path.startsWith("/ok") && !path.startsWith("/items/")) {
                status = 404;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 503;
        }
        requests.computeIfAbsent(path, p -> new LongAdder()).increment();
        byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
