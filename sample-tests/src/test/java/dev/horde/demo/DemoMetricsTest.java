package dev.horde.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo serves its own meters for Prometheus: requests by route and status, and the JVM's. */
class DemoMetricsTest {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void requestsAreCountedByRouteTemplateAndStatusBesideTheJvmsMeters() throws Exception {
        try (DemoServer demo = DemoServer.start(0)) {
            get(demo, "/api/posts/1");
            get(demo, "/api/posts/2");
            get(demo, "/api/posts/999");
            get(demo, "/no/such/page");

            // the demo times a request once its answer is out: the scrape may come before the last one's
            await().atMost(Duration.ofSeconds(10)).until(() -> get(demo, "/metrics").body(),
                    body -> body.contains("uri=\"NOT_FOUND\"} 1"));
            HttpResponse<String> metrics = get(demo, "/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("text/plain; version=0.0.4"));
            assertThat(metrics.body())
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                            + "uri=\"/api/posts/{id}\"} 2")
                    .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                            + "uri=\"/api/posts/{id}\"} 1")
                    .contains("uri=\"NOT_FOUND\"} 1")
                    .contains("http_server_requests_seconds_bucket{")
                    .contains("jvm_memory_used_bytes{").contains("process_cpu_usage");
        }
    }

    @Test
    void aRequestsTraceIsTheExemplarOfItsBucketInOpenMetrics() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (DemoServer demo = DemoServer.start(0)) {
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create(demo.baseUri() + "/api/posts/3"))
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").timeout(Duration.ofSeconds(5))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).isEqualTo(200);

            // the demo times a request once its answer is out: the scrape may come first
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(URI.create(demo.baseUri()
                        + "/metrics?format=openmetrics")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                        .startsWith("application/openmetrics-text"));
                assertThat(metrics.body().lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")
                        && line.contains("uri=\"/api/posts/{id}\"")))
                        .anySatisfy(line -> assertThat(line).contains("# {span_id=\"00f067aa0ba902b7\",trace_id=\""
                                + traceId));
            });
        }
    }

    private HttpResponse<String> get(DemoServer demo, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(demo.baseUri() + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
