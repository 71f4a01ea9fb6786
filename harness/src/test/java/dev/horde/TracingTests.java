package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestWebSocketServer;
import dev.horde.user.UserEntity;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * W3C trace context on every request: each iteration one trace, each request a span of it, and the trace ids reports
 * give for the slowest requests and the errors are those the server saw for them.
 */
class TracingTests {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    /** A request as the server saw it: path, traceparent and tracestate. */
    record Seen(String path, String traceparent, String tracestate) {
        String traceId() {
            return traceparent == null ? null : traceparent.substring(3, 35);
        }
    }

    static final Queue<Seen> SEEN = new ConcurrentLinkedQueue<>();
    static HttpServer server;
    static TestWebSocketServer sockets;

    @TempDir
    Path reports;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", TracingTests::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        sockets = TestWebSocketServer.begin();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        sockets.close();
    }

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    /** {@code /slow} answers after 300 ms, {@code /broken} with 500, anything else at once. */
    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            SEEN.add(new Seen(path, exchange.getRequestHeaders().getFirst("traceparent"),
                    exchange.getRequestHeaders().getFirst("tracestate")));
            if (path.equals("/slow")) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(path.equals("/broken") ? 500 : 200, -1);
        }
    }

    private Map<String, String> target() {
        return Map.of(LoadTest.TARGET_PROPERTY_NAME, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    void eachIterationIsOneTraceAndEachRequestOfBothClientsASpanOfIt() {
        int handshakesBefore = sockets.handshakeTraceparents().size();
        Fixtures.assertPassed(Fixtures.run(BothClients.class, reports, target()));

        List<Seen> seen = List.copyOf(SEEN);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(6).allSatisfy(request ->
                assertThat(request.traceparent()).as(request.path()).matches(TRACEPARENT));
        Map<String, List<Seen>> byTrace = seen.stream().collect(Collectors.groupingBy(Seen::traceId));
        assertThat(seen).extracting(Seen::tracestate).as("no trace state of its own").containsOnlyNulls();
        assertThat(byTrace.values()).as("an iteration's two requests in one trace").allSatisfy(trace ->
                assertThat(trace).extracting(Seen::path).containsExactly("/lean", "/rest-assured"));
        assertThat(seen.stream().map(Seen::traceparent).distinct()).as("a span per request").hasSize(seen.size());
        List<String> handshakes = sockets.handshakeTraceparents();
        assertThat(handshakes.subList(handshakesBefore, handshakes.size())).as("the WebSocket handshakes").hasSize(2)
                .allSatisfy(header -> assertThat(header).matches(TRACEPARENT));
    }

    @Test
    void theSlowestRequestsAndTheErrorsCarryTheTraceIdsTheServerSaw() {
        Map<String, String> parameters = new java.util.HashMap<>(target());
        parameters.put(LoadTest.TRACE_LINK_PROPERTY_NAME, "http://127.0.0.1:16686/trace/{traceId}");
        Fixtures.run(SlowAndBroken.class, reports, parameters);

        JsonPath summary = Fixtures.summary(reports, SlowAndBroken.class, "mixed");
        String slowest = summary.getString("metrics['*'].slowest[0].traceId");
        assertThat(summary.getDouble("metrics['*'].slowest[0].ms")).isGreaterThanOrEqualTo(300);
        assertThat(summary.getList("metrics['GET /fast'].slowest")).hasSize(3);
        assertThat(SEEN).filteredOn(seen -> seen.traceId().equals(slowest)).extracting(Seen::path)
                .as("the server saw the slowest request in that trace").containsExactly("/slow");
        assertThat(summary.getString("metrics['*'].slowest[0].link"))
                .isEqualTo("http://127.0.0.1:16686/trace/" + slowest);
        String broken = summary.getString("errorSamples.find { it.metric == 'GET /broken' }.traceId");
        assertThat(SEEN).filteredOn(seen -> seen.traceId().equals(broken)).extracting(Seen::path).contains("/broken");
        String index = readIndex();
        assertThat(index).contains("Slowest samples and their traces")
                .contains("<a href=\"http://127.0.0.1:16686/trace/" + slowest + "\"><code>" + slowest + "</code></a>");
    }

    @Test
    void offSendsNoTraceparent() {
        Map<String, String> parameters = new java.util.HashMap<>(target());
        parameters.put(LoadTest.TRACE_PROPERTY_NAME, "false");
        Fixtures.assertPassed(Fixtures.run(BothClients.class, reports, parameters));

        assertThat(SEEN).isNotEmpty().allSatisfy(seen -> assertThat(seen.traceparent()).isNull());
        assertThat(Fixtures.summary(reports, BothClients.class, "both").getList("metrics['GET /lean'].slowest"))
                .isEmpty();
    }

    @Test
    void withAConfiguredSdkIterationsAndRequestsAreTheSpansItExports() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .setSampler(new SampledWithState()).addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
                .build();
        GlobalOpenTelemetry.resetForTest();
        GlobalOpenTelemetry.set(sdk);
        List<SpanData> spans;
        try {
            Fixtures.assertPassed(Fixtures.run(BothClients.class, reports, target()));
            Fixtures.run(Broken.class, reports, target());
            spans = exporter.getFinishedSpanItems(); // before the SDK closes: closing its exporter clears them
        } finally {
            GlobalOpenTelemetry.resetForTest();
            sdk.close();
        }

        List<SpanData> iterations = spans.stream().filter(span -> span.getName().equals("iteration")).toList();
        assertThat(iterations).hasSize(2 * 3 + 1).allSatisfy(span -> {
            assertThat(span.getParentSpanContext().isValid()).as("a root span").isFalse();
            assertThat(span.getAttributes().get(AttributeKey.longKey("horde.user"))).isIn(0L, 1L);
        });
        assertThat(iterations).filteredOn(span -> span.getStatus().getStatusCode() == StatusCode.ERROR)
                .singleElement().satisfies(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey(
                        "horde.test"))).isEqualTo(Broken.class.getName() + ".fail"));
        assertThat(spans).filteredOn(span -> span.getName().equals("user setup")).hasSize(3);

        List<SpanData> requests = spans.stream().filter(span -> span.getKind() == SpanKind.CLIENT).toList();
        Map<String, SpanData> parents = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, span -> span));
        assertThat(requests).extracting(SpanData::getName).contains("GET /lean", "GET /rest-assured", "GET /broken");
        assertThat(requests).allSatisfy(request -> {
            SpanData parent = parents.get(request.getParentSpanId());
            assertThat(parent).as("the parent of %s", request.getName()).isNotNull();
            assertThat(parent.getName()).isIn("iteration", "user setup");
            assertThat(parent.getTraceId()).isEqualTo(request.getTraceId());
            assertThat(request.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo("127.0.0.1");
        });
        SpanData lean = requests.stream().filter(span -> span.getName().equals("GET /lean")).findFirst().orElseThrow();
        assertThat(lean.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("GET");
        assertThat(lean.getAttributes().get(AttributeKey.stringKey("url.template"))).isEqualTo("/lean");
        assertThat(lean.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        SpanData broken = requests.stream().filter(span -> span.getName().equals("GET /broken")).findFirst()
                .orElseThrow();
        assertThat(broken.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(broken.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("500");
        assertThat(SEEN).extracting(Seen::traceparent).as("the server saw the spans' contexts")
                .contains("00-" + lean.getTraceId() + "-" + lean.getSpanId() + "-"
                        + lean.getSpanContext().getTraceFlags().asHex());
        assertThat(SEEN).extracting(Seen::tracestate).as("the sampler's trace state").contains("vendor=horde-test");
        String slowest = Fixtures.summary(reports, BothClients.class, "both").getString("metrics['*'].slowest[0].traceId");
        assertThat(requests).extracting(SpanData::getTraceId).as("the summary's trace ids are the SDK's").contains(slowest);
    }

    private String readIndex() {
        try {
            return Files.readString(reports.resolve("index.html"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Samples every span and gives it a trace state, as vendors' samplers do. */
    static final class SampledWithState implements Sampler {
        @Override
        public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                Attributes attributes, List<LinkData> links) {
            return new SamplingResult() {
                @Override
                public SamplingDecision getDecision() {
                    return SamplingDecision.RECORD_AND_SAMPLE;
                }

                @Override
                public Attributes getAttributes() {
                    return Attributes.empty();
                }

                @Override
                public TraceState getUpdatedTraceState(TraceState parentState) {
                    return TraceState.builder().put("vendor", "horde-test").build();
                }
            };
        }

        @Override
        public String getDescription() {
            return "every span, with a trace state";
        }
    }

    /** A user of the lean client, REST Assured and a WebSocket. */
    public static class Caller extends UserEntity {
        @Override
        public void setUp() {
            connect(URI.create(sockets.uri()));
        }

        void both() {
            api().get("/lean").send();
            RestAssured.given().get("/rest-assured").then().statusCode(200);
        }

        void broken() {
            api().get("/broken").send();
        }

        void mixed(int iteration) {
            api().get(iteration == 3 ? "/slow" : "/fast").send();
            if (iteration == 2) {
                api().get("/broken").send();
            }
        }
    }

    static class BothClients {
        @LoadTest(users = 2, duration = "10s", iterations = 3)
        void both(Caller user) {
            user.both();
        }
    }

    static class Broken {
        @LoadTest(users = 1, duration = "10s", iterations = 1)
        void fail(Caller user) {
            user.broken();
        }
    }

    static class SlowAndBroken {
        static final java.util.concurrent.atomic.AtomicInteger ITERATIONS = new java.util.concurrent.atomic.AtomicInteger();

        @LoadTest(users = 1, duration = "10s", iterations = 6)
        void mixed(Caller user) {
            user.mixed(ITERATIONS.incrementAndGet());
        }
    }
}
