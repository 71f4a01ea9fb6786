package dev.horde.testing;

import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium as installed on the machine, driven over the DevTools protocol: opens a page, evaluates script in
 * it while it runs (a page fed by Server-Sent Events never finishes loading, so {@code --dump-dom} would wait
 * forever), and takes screenshots.
 */
public final class Chromium implements AutoCloseable {

    private static final Path BINARY = find();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonPath>> calls = new ConcurrentHashMap<>();

    private Chromium(Process process, Path profile, URI browser) throws IOException, InterruptedException {
        this.process = process;
        this.profile = profile;
        HttpClient http = HttpClient.newHttpClient();
        URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
        String pages = http.send(HttpRequest.newBuilder(list).build(), HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = JsonPath.from(pages).getString("find { it.type == 'page' }.webSocketDebuggerUrl");
        this.page = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Replies()).join();
    }

    /** Whether Chromium is installed ({@code apt-get install chromium}). */
    public static boolean installed() {
        return BINARY != null;
    }

    /** Starts a headless Chromium with a window of {@code width} × {@code height} pixels and a blank page. */
    public static Chromium start(int width, int height) throws IOException, InterruptedException {
        if (BINARY == null) {
            throw new IllegalStateException("Chromium is not installed");
        }
        Path profile = Files.createTempDirectory("horde-chromium");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--hide-scrollbars", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return new Chromium(process, profile, devTools(process));
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Opens {@code url} in the page and waits until its document is parsed. */
    public void open(URI url) throws InterruptedException {
        call("Page.navigate", "{\"url\":\"" + url + "\"}");
        long deadline = System.nanoTime() + CALL_TIMEOUT.toNanos();
        while (!"complete".equals(evaluate("document.readyState")) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** The value of {@code expression} in the page, as a string; null for null or undefined. */
    public String evaluate(String expression) {
        JsonPath reply = call("Runtime.evaluate", "{\"expression\":" + quote("String(" + expression + ")")
                + ",\"returnByValue\":true}");
        if (reply.get("result.exceptionDetails") != null) {
            throw new AssertionError("the page threw on " + expression + ": " + reply.prettify());
        }
        return reply.getString("result.result.value");
    }

    /** Saves what the page shows to {@code png}. */
    public void screenshot(Path png) throws IOException {
        String data = call("Page.captureScreenshot", "{\"format\":\"png\"}").getString("result.data");
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        page.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private JsonPath call(String method, String params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonPath> reply = new CompletableFuture<>();
        calls.put(id, reply);
        page.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).join();
        JsonPath result = reply.orTimeout(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (result.get("error") != null) {
            throw new AssertionError(method + " failed: " + result.prettify());
        }
        return result;
    }

    /** Replies to calls, by id; events are ignored. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonPath json = JsonPath.from(message.toString());
                message.setLength(0);
                Integer id = json.get("id");
                CompletableFuture<JsonPath> call = id == null ? null : calls.remove(id);
                if (call != null) {
                    call.complete(json);
                }
            }
            socket.request(1);
            return null;
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The browser's DevTools address, which Chromium prints on its standard error when it is ready. */
    private static URI devTools(Process process) throws IOException {
        BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<URI> address = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return URI.create(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("Chromium ended without a DevTools address");
        });
        URI uri = address.orTimeout(60, TimeUnit.SECONDS).join();
        Thread drain = new Thread(() -> {
            try {
                errors.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // Chromium ended
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return uri;
    }

    private static Path find() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
