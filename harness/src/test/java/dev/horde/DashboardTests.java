package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** The live page ({@code horde.dashboard}): what it serves during a real run and after it, to a program and a browser. */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class DashboardTests {

    /** Pages served at once, as the dashboard allows them. */
    private static final int MAX_PAGES = 32;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer server;
    private Thread engine;
    private final AtomicReference<EngineExecutionResults> results = new AtomicReference<>();

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        server = TestServer.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (engine != null) {
            engine.interrupt(); // ends the linger
            engine.join(60_000);
        }
        server.close();
    }

    @Test
    void eventsFollowTheRunAndTheStateEndsWithTheSummarysVerdictAndBudgets() throws Exception {
        URI page = runInBackground();
        Queue<String> frames = new ConcurrentLinkedQueue<>();
        readEvents(page.resolve("events"), frames);
        try (Socket stalled = stalledPage(page); Socket left = new Socket(page.getHost(), page.getPort())) {
            left.close(); // a tab closed at once

            await().atMost(Duration.ofSeconds(30)).until(() -> frames.stream()
                    .anyMatch(frame -> frame.startsWith("data: {\"point\"") && rps(frame) > 0));
            JsonPath state = await().atMost(Duration.ofSeconds(60)).until(() -> state(page),
                    current -> !current.getList("tests").isEmpty());

            JsonPath summary = Fixtures.summary(reports, Watched.class, "browse");
            assertThat(state.getString("tests[0].verdict")).isEqualTo(summary.getString("verdict")).isEqualTo("passed");
            assertThat(state.getList("status.budgets.text", String.class)).isEqualTo(shownBudgets(summary));
            assertThat(state.getBoolean("running")).isFalse();
            assertThat(state.getInt("status.metrics.find { it[0] == 'GET /ok' }[1]"))
                    .isEqualTo(summary.getInt("metrics['GET /ok'].count"));
            assertThat(state.getList("points")).as("a point a second").hasSizeGreaterThanOrEqualTo(3);
        }
        engine.interrupt();
        engine.join(60_000);
        Fixtures.assertPassed(results.get());
        assertThat(refused(page)).as("stopped serving when the test plan ended").isTrue();
    }

    @Test
    void manyTabsAreServedUpToALimitAndThoseBeyondAreToldSo() throws Exception {
        URI page = runInBackground();
        List<Socket> tabs = new ArrayList<>();
        try {
            List<String> statuses = new ArrayList<>();
            for (int i = 0; i < MAX_PAGES + 2; i++) {
                Socket tab = stalledPage(page);
                tabs.add(tab);
                tab.setSoTimeout(10_000);
                statuses.add(new BufferedReader(new InputStreamReader(tab.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine());
            }
            assertThat(statuses.subList(0, MAX_PAGES)).allSatisfy(status -> assertThat(status).contains(" 200 "));
            assertThat(statuses.subList(MAX_PAGES, MAX_PAGES + 2)).allSatisfy(status -> assertThat(status)
                    .contains(" 503 "));
        } finally {
            for (Socket tab : tabs) {
                tab.close();
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> state(page).getList("points").size() >= 2);
        Queue<String> frames = new ConcurrentLinkedQueue<>();
        readEvents(page.resolve("events"), frames);
        await("a tab opened once the others closed").atMost(Duration.ofSeconds(30))
                .until(() -> frames.stream().anyMatch(frame -> frame.startsWith("data: {\"point\"")));
    }

    @Test
    void aPortInUseFailsTheTestBeforeAnyUserStartsNamingIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String port = Integer.toString(taken.getLocalPort());
            EngineExecutionResults failed = Fixtures.run(Watched.class, reports, Map.of(
                    LoadTest.TARGET_PROPERTY_NAME, server.baseUri(), LoadTest.DASHBOARD_PROPERTY_NAME, port));

            assertThat(Fixtures.failureMessage(failed)).contains("configuration parameter 'horde.dashboard' [" + port
                    + "] cannot be served: 127.0.0.1:" + port + " cannot be bound").contains("choose a free port");
            assertThat(server.requests("/ok")).as("no user started").isZero();
        }
    }

    @Test
    void secretsInTheTargetAndInFailuresNeverReachThePage() throws Exception {
        URI page = runInBackground(Leaky.class, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                server.baseUri().replace("http://", "http://ann:PLANTED-PW-1@")));
        Queue<String> frames = new ConcurrentLinkedQueue<>();
        readEvents(page.resolve("events"), frames);

        JsonPath state = await().atMost(Duration.ofSeconds(60)).until(() -> state(page),
                current -> !current.getList("tests").isEmpty());
        assertThat(state.getList("status.failures")).as("the failures are shown").isNotEmpty();
        assertThat(state.prettify()).contains("****").doesNotContain("PLANTED");
        assertThat(frames).as("the events").isNotEmpty().noneMatch(frame -> frame.contains("PLANTED"));
    }

    /** Runs {@link Watched} with the page on a free port and a long linger, on its own thread; returns the page. */
    private URI runInBackground() throws IOException {
        return runInBackground(Watched.class, Map.of(LoadTest.TARGET_PROPERTY_NAME, server.baseUri()));
    }

    /** Runs {@code fixture} with the page on a free port and a long linger, on its own thread; returns the page. */
    private URI runInBackground(Class<?> fixture, Map<String, String> target) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Map<String, String> parameters = new java.util.HashMap<>(target);
        parameters.put(LoadTest.DASHBOARD_PROPERTY_NAME, Integer.toString(port));
        parameters.put(LoadTest.DASHBOARD_LINGER_PROPERTY_NAME, "2m");
        engine = new Thread(() -> results.set(Fixtures.run(fixture, reports, parameters)), "engine");
        engine.start();
        URI page = URI.create("http://127.0.0.1:" + port + "/");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> state(page) != null);
        return page;
    }

    private static JsonPath state(URI page) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(page.resolve("state"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonPath.from(response.body());
    }

    /** Reads the event stream into {@code frames}, line by line, on a daemon thread. */
    private static void readEvents(URI events, Queue<String> frames) {
        Thread reader = new Thread(() -> {
            try {
                HTTP.send(HttpRequest.newBuilder(events).build(), HttpResponse.BodyHandlers.ofLines())
                        .body().forEach(frames::add);
            } catch (IOException | InterruptedException | RuntimeException e) {
                frames.add("ended: " + e);
            }
        }, "events");
        reader.setDaemon(true);
        reader.start();
    }

    /** A page that asks for events and never reads them. */
    private static Socket stalledPage(URI page) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress(page.getHost(), page.getPort()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /events HTTP/1.1\r\nHost: " + page.getHost() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Whether nothing answers at {@code page}: refused, reset, or closed without an answer. */
    private static boolean refused(URI page) {
        try (Socket socket = new Socket(page.getHost(), page.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /state HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine() == null;
        } catch (SocketException e) { // refused, or reset as the server closes
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static double rps(String frame) {
        return JsonPath.from(frame.substring("data: ".length())).getDouble("point.rps");
    }

    /** The budgets as every report shows them: the message, marked when implicit. */
    private static List<String> shownBudgets(JsonPath summary) {
        List<String> shown = new ArrayList<>();
        List<Map<String, Object>> budgets = summary.getList("budgets");
        for (Map<String, Object> budget : budgets) {
            shown.add(budget.get("message") + (Boolean.TRUE.equals(budget.get("implicit")) ? " (implicit)" : ""));
        }
        return shown;
    }

    /** A user that asks for /ok now and then. */
    public static class Browser extends UserEntity {
        void browse() throws InterruptedException {
            api().get("/ok").send();
            Thread.sleep(20);
        }
    }

    static class Leaky {
        @LoadTest(users = 1, duration = "3s")
        void leak(Browser user) throws InterruptedException {
            user.browse();
            throw new AssertionError("login failed for {\"user\":\"ann\",\"password\":\"PLANTED-PW-2\"}"
                    + " with Authorization: Bearer PLANTED-TOKEN-3");
        }
    }

    static class Watched {
        @LoadTest(users = 3, duration = "5s")
        @LatencyBudget(metric = "GET /ok", p95 = "2s")
        @ErrorBudget(maxRate = 0.01)
        void browse(Browser user) throws InterruptedException {
            user.browse();
        }
    }
}
