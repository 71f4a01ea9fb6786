package dev.horde.internal.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.horde.LoadTest;
import dev.horde.testing.ChildJvm;
import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code horde.otlp} pushes the meters over OTLP/HTTP to a real HTTP receiver, the last push with every sample. */
class OtlpPushTests {

    private final List<ExportMetricsServiceRequest> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;
    private TestServer target;

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        target = TestServer.start();
        collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        collector.createContext("/v1/metrics", exchange -> {
            try (exchange) {
                received.add(ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
    }

    @AfterEach
    void stop() {
        collector.stop(0);
        target.close();
    }

    @Test
    void theLastPushCarriesEverySampleTheSummaryCounts() throws Exception {
        String url = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/metrics";
        Path output = reports.resolve("child.txt");

        Process child = ChildJvm.start(MicrometerPublishingTests.WithoutMicrometer.class, reports, output,
                Map.of(LoadTest.TARGET_PROPERTY_NAME, target.baseUri(), LoadTest.OTLP_PROPERTY_NAME, url));

        assertThat(ChildJvm.endsWithin(child, 60)).isTrue();
        assertThat(Files.readString(output)).contains("[horde] OTLP metrics pushed to " + url + " every 1s")
                .contains("PASSED");
        assertThat(received).as("pushes while the test ran, and the last at exit").hasSizeGreaterThanOrEqualTo(2);
        JsonPath summary = Fixtures.summary(reports, MicrometerPublishingTests.WithoutMicrometer.class, "get");
        assertThat(okSamples(received.get(received.size() - 1), "GET /flaky"))
                .isEqualTo(summary.getLong("metrics['GET /flaky'].ok")).isPositive();
    }

    /** The count of the {@code horde.sample} histogram point of {@code metric}'s successes in {@code request}. */
    private static long okSamples(ExportMetricsServiceRequest request, String metric) {
        return request.getResourceMetricsList().stream()
                .flatMap(resource -> resource.getScopeMetricsList().stream())
                .flatMap(scope -> scope.getMetricsList().stream())
                .filter(m -> m.getName().equals(MeterPublisher.SAMPLE))
                .map(Metric::getHistogram)
                .flatMap(histogram -> histogram.getDataPointsList().stream())
                .filter(point -> attribute(point, "metric").equals(metric) && attribute(point, "outcome").equals("ok"))
                .mapToLong(HistogramDataPoint::getCount)
                .sum();
    }

    private static String attribute(HistogramDataPoint point, String key) {
        return point.getAttributesList().stream().filter(kv -> kv.getKey().equals(key))
                .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("");
    }
}
