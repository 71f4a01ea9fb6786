package dev.horde.internal.micrometer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A Prometheus scrape endpoint, {@code GET /metrics}, serving Horde's meters for as long as the JVM runs its tests, so
 * Prometheus scrapes during, between and after load tests. One per JVM, on one daemon thread.
 */
final class PrometheusEndpoint {

    /** Prometheus' text format. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpServer server;

    private PrometheusEndpoint(InetSocketAddress address) throws IOException {
        server = HttpServer.create(address, 16);
        server.createContext("/metrics", this::scrape);
        server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "horde-prometheus");
            thread.setDaemon(true);
            return thread;
        }));
        startAsDaemon(server);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "horde-prometheus-stop"));
    }

    /**
     * Starts {@code server} from a daemon thread, whose daemon status its dispatcher thread inherits: the endpoint
     * never keeps the JVM from ending when the tests are done.
     */
    private static void startAsDaemon(HttpServer server) {
        Thread starter = new Thread(server::start, "horde-prometheus-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves on {@code address}; throws if it cannot be bound. */
    static PrometheusEndpoint start(InetSocketAddress address) throws IOException {
        return new PrometheusEndpoint(address);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Where Prometheus scrapes, e.g. {@code http://127.0.0.1:9464/metrics}. */
    URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/metrics");
    }

    private void scrape(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
