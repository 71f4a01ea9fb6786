package dev.horde.bench;

import static io.restassured.RestAssured.given;

import dev.horde.http.HttpApi;
import dev.horde.internal.engine.GeneratorWarmUp;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.UserFactory;
import dev.horde.internal.engine.UserScript;
import dev.horde.internal.engine.UserThreads;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.micrometer.Micrometer;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.ThreadKind;
import dev.horde.internal.restassured.ClientWarmUp;
import dev.horde.internal.restassured.RestAssuredRecorder;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;

/**
 * The closed loop bench/run.sh compares across tools, run by the harness: {@code users} users GET {@code url} back to
 * back for {@code seconds}, through the lean client ({@code fast}) or REST Assured ({@code ra}), every request
 * recorded as in a load test. Prints one {@code result} line with the harness's own latency figures for the window
 * after {@code warmUpSeconds}; throughput and CPU are measured from outside the process by the script, from the line
 * {@code clock started} on. Before the clock, the loop warms the generator up as a load test does by default
 * ({@link GeneratorWarmUp}, at most {@code -Dbench.generatorWarmUp=30s}; {@code 0s} for none). With
 * {@code -Dbench.curve=5} it also prints a {@link WarmUpCurve} line every 5 seconds; with
 * {@code -Dbench.micrometer=true} the run publishes to a Prometheus registry in Micrometer's global registry, as a load
 * test of a build with Micrometer does, so the two runs give the publisher's cost.
 *
 * <pre>LoopBenchmark fast|ra url users seconds warmUpSeconds</pre>
 */
public final class LoopBenchmark {

    /** The kind of thread users run on: {@code -Dbench.threads=platform|virtual|auto} (default auto). */
    private static final ThreadKind THREADS =
            ThreadKind.valueOf(System.getProperty("bench.threads", "auto").toUpperCase(java.util.Locale.ROOT));

    private LoopBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args[0];
        URI url = URI.create(args[1]);
        int users = Integer.parseInt(args[2]);
        Duration length = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[4]));
        String base = url.getScheme() + "://" + url.getAuthority();
        String path = url.getRawPath();

        RestAssuredRecorder.install();
        ClientWarmUp.once();
        Duration generatorWarmUp = Duration.parse("PT" + System.getProperty("bench.generatorWarmUp", "30s")
                .toUpperCase(java.util.Locale.ROOT));
        LoadPlan plan = LoadPlan.builder("bench." + mode).users(users).duration(length).warmUp(warmUp).threads(THREADS)
                .seed(1).generatorWarmUp(generatorWarmUp)
                .tracing(!"off".equals(System.getProperty("bench.trace", "on")), null).build();
        UserFactory script = (index, random) -> script(mode, base, path);
        if (!generatorWarmUp.isZero()) {
            System.out.println("generator warm-up: " + GeneratorWarmUp.run(plan, script).describe());
        }
        System.out.println("clock started");
        int curveSeconds = Integer.getInteger("bench.curve", 0);
        if (Boolean.getBoolean("bench.micrometer")) {
            Metrics.addRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        }
        LoadRun run = new LoadRun(plan, script, RunObserver.all(
                curveSeconds > 0 ? new WarmUpCurve(curveSeconds, System.out) : RunObserver.NONE,
                Micrometer.publisherOf(plan)));
        RunOutcome outcome = run.execute();
        MetricSnapshot requests = outcome.metrics().allRequests();
        double seconds = outcome.measuredWindow().toNanos() / 1e9;
        System.out.printf(java.util.Locale.ROOT, "result tool=%s threads=%s requests=%d failed=%d rps=%.0f p50_ms=%.3f p99_ms=%.3f%n",
                mode, UserThreads.isVirtual(THREADS) ? "virtual" : "platform", requests.count(), requests.failed(),
                requests.count() / seconds, requests.percentileMillis(50), requests.percentileMillis(99));
    }

    private static UserScript script(String mode, String base, String path) {
        switch (mode) {
            case "fast" -> {
                HttpApi api = HttpApi.to(base);
                return UserScript.of(() -> api.get(path).send());
            }
            case "ra" -> {
                return UserScript.of(() -> given().baseUri(base).get(path).then().statusCode(200));
            }
            default -> throw new IllegalArgumentException("mode must be fast or ra but was " + mode);
        }
    }
}
