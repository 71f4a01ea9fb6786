package dev.horde.internal.dashboard;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.report.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * The live page of a test plan ({@value LoadTest#DASHBOARD_PROPERTY_NAME}): {@code GET /} is the page, self-contained,
 * {@code GET /events} its Server-Sent Events, {@code GET /state} the whole state as JSON. Started before the first
 * load test's users, fed by each run's intervals, closed when the test plan ends, after lingering as configured.
 * Serves on daemon threads, at most {@value #MAX_PAGES} pages at once.
 */
@API(status = INTERNAL, since = "0.1")
public final class Dashboard implements AutoCloseable {

    /** Open pages served at once; more get 503. */
    static final int MAX_PAGES = 32;
    /** How often a page without events gets a comment, which finds closed tabs. */
    static final long KEEP_ALIVE_MS = 10_000;

    private final LiveState state = new LiveState();
    private final Semaphore pages = new Semaphore(MAX_PAGES);
    private final HttpServer server;
    private final ExecutorService threads;
    private final Duration linger;
    private final byte[] page;
    private LiveRun current;
    private boolean closed;

    private Dashboard(HttpServer server, Duration linger) {
        this.server = server;
        this.linger = linger;
        this.page = resource("dashboard.html");
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "horde-dashboard-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", this::serve);
    }

    /**
     * Serves the page on {@code address}, printing where; fails, naming {@code setting}, when the address cannot be
     * bound.
     */
    public static Dashboard start(InetSocketAddress address, Duration linger, String setting) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException | RuntimeException e) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.DASHBOARD_PROPERTY_NAME
                    + "' [" + setting + "] cannot be served: " + address.getHostString() + ":" + address.getPort()
                    + " cannot be bound (" + e.getMessage() + "); choose a free port, or true for any free one.");
        }
        Dashboard dashboard = new Dashboard(server, linger);
        startAsDaemon(server);
        System.out.println("[horde] live dashboard: " + dashboard.uri());
        return dashboard;
    }

    /** The page, e.g. {@code http://127.0.0.1:8765/}. */
    public URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
    }

    /** Shows {@code plan} as the running test; the observer feeds it its intervals. */
    public synchronized RunObserver watch(LoadPlan plan) {
        current = new LiveRun(state, plan);
        return current;
    }

    /** The watched run is judged: it joins the tests so far with its verdict. */
    public synchronized void finished(RunResult result) {
        if (current != null) {
            current.finished(result);
            current = null;
        }
    }

    /** Keeps serving for the linger, then stops serving and ends every page's stream. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (!linger.isZero()) {
            System.out.println("[horde] live dashboard at " + uri() + " for " + Durations.format(linger) + " more");
            try {
                Thread.sleep(linger.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        state.closeAll();
        server.stop(0);
        threads.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (!method.equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
            } else if (path.equals("/") || path.equals("/index.html")) {
                send(exchange, 200, "text/html; charset=utf-8", page);
            } else if (path.equals("/state")) {
                send(exchange, 200, "application/json", state.snapshot().getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/events")) {
                stream(exchange);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Events to one page until it leaves or the dashboard closes; its events wait in a bounded stream. */
    private void stream(HttpExchange exchange) throws IOException {
        if (!pages.tryAcquire()) {
            send(exchange, 503, "text/plain; charset=utf-8",
                    ("at most " + MAX_PAGES + " live pages at once").getBytes(StandardCharsets.UTF_8));
            return;
        }
        EventStream events = state.subscribe();
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 2000\nevent: snapshot\ndata: " + state.snapshot() + "\n\n");
            for (String next = events.next(KEEP_ALIVE_MS); next != null; next = events.next(KEEP_ALIVE_MS)) {
                switch (next) {
                    case EventStream.IDLE -> write(out, ": keep-alive\n\n");
                    case EventStream.RESYNC -> write(out, "event: snapshot\ndata: " + state.snapshot() + "\n\n");
                    default -> write(out, next);
                }
            }
        } catch (IOException e) {
            // the page was closed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.unsubscribe(events);
            pages.release();
        }
    }

    private static void write(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Starts {@code server} from a daemon thread, whose daemon status its dispatcher thread inherits: the page never
     * keeps the JVM from ending when the tests are done.
     */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "horde-dashboard-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Dashboard.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the live page " + name + " is missing from Horde's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
