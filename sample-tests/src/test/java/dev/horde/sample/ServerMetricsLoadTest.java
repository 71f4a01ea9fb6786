package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.TargetMetric;
import dev.horde.user.UserEntity;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 8: the service's own view in the verdict. Beside the latency its users measure, the demo's server-side p95
 * (its {@code http.server.requests} histogram) and its process CPU, read from a Prometheus server that scrapes the
 * demo's {@code /metrics}, are budgets of the test; its heap is only reported. Every 20th visit follows a stale link
 * (a post that does not exist, HTTP 404), which the error budget tolerates. It runs when
 * {@value LoadTest#PROMETHEUS_URL_PROPERTY_NAME} names a Prometheus server: {@code monitoring/check.sh} starts one
 * with the demo, and runs it.
 */
@ExtendWith(DemoTarget.class)
@EnabledIfSystemProperty(named = LoadTest.PROMETHEUS_URL_PROPERTY_NAME, matches = ".+",
        disabledReason = "needs a Prometheus server scraping the demo: run monitoring/check.sh")
class ServerMetricsLoadTest {

    @LoadTest(users = 10, duration = "15s", rampUp = "2s", warmUp = "3s")
    @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "100ms")
    @ErrorBudget(maxRate = 0.1)
    @TargetMetric(name = "server p95 of GET /api/posts/{id}", max = "100ms",
            query = "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket"
                    + "{job=\"demo\", uri=\"/api/posts/{id}\"}[5s])))")
    @TargetMetric(name = "server CPU", query = "process_cpu_usage{job=\"demo\"}", max = "90%",
            over = TargetMetric.Over.MEAN)
    @TargetMetric(name = "server heap", query = "sum(jvm_memory_used_bytes{job=\"demo\", area=\"heap\"})")
    void readAPost(Visitor visitor) throws InterruptedException {
        visitor.visit();
        Thread.sleep(20);
    }

    /** A reader of the demo's posts, on the lean client. */
    public static class Visitor extends UserEntity {
        private int visits;

        void visit() {
            long id = ++visits % 20 == 0 ? 999_999 : 1; // a stale link: no such post
            api().get("/api/posts/{id}", id).expect(200).send();
        }
    }
}
