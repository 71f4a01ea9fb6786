package dev.horde.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server on loopback, scraping the given targets every second, with its data in a directory of the
 * test's; stopped by {@link #close()}. Tests that need it are skipped, saying why, where Prometheus is not installed
 * ({@code .ci/run} installs Debian's package).
 */
public final class PrometheusProcess implements AutoCloseable {

    private final Process process;
    private final URI url;

    private PrometheusProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
    }

    /** The server's binary: {@code prometheus} on the PATH, if any. */
    public static Optional<Path> binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Prometheus scraping {@code targets} ({@code host:port}, path {@code /metrics}) every second, and waits
     * until it is ready and has scraped each once; skips the calling test if Prometheus is not installed.
     */
    public static PrometheusProcess start(Path dir, List<String> targets) throws IOException {
        Optional<Path> binary = binary();
        Assumptions.assumeTrue(binary.isPresent(), "Prometheus is not installed (apt-get install prometheus; .ci/run"
                + " installs it): the tests against a real Prometheus are skipped");
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                + "scrape_configs:\n  - job_name: target\n    static_configs:\n      - targets: ["
                + targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", ")) + "]\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusProcess prometheus = new PrometheusProcess(process, URI.create("http://127.0.0.1:" + port));
        try {
            await("Prometheus ready and every target scraped").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> prometheus.get("/api/v1/targets").map(body -> !body.contains("\"lastScrape\":\"0001")
                            && body.split("\"health\":\"up\"", -1).length - 1 == targets.size()).orElse(false));
        } catch (RuntimeException e) {
            prometheus.close();
            throw new IllegalStateException("Prometheus did not start: "
                    + Files.readString(dir.resolve("prometheus.log")), e);
        }
        return prometheus;
    }

    /** Where it answers, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /** The body of a GET of {@code path}, or empty if it did not answer 200. */
    public Optional<String> get(String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve(path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Stops the server and waits for it to end. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
