package dev.horde.internal.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.net.URI;
import java.time.Duration;

/**
 * Pushes Horde's meters to an OpenTelemetry collector over OTLP/HTTP every {@link #STEP}, cumulatively, for as long as
 * the JVM runs its tests; a last push when the JVM ends, so a run's final figures arrive.
 */
final class OtlpPush {

    /** How often the meters are pushed: Horde's interval. */
    static final Duration STEP = Duration.ofSeconds(1);

    private final OtlpMeterRegistry registry;
    private final URI url;

    private OtlpPush(URI url) {
        this.url = url;
        OtlpConfig config = key -> switch (key) {
            case "otlp.url" -> url.toString();
            case "otlp.step" -> STEP.toMillis() + "ms";
            case "otlp.resourceAttributes" -> "service.name=horde";
            default -> null;
        };
        this.registry = new OtlpMeterRegistry(config, Clock.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "horde-otlp-last-push"));
    }

    /** Starts pushing to {@code url}, an OTLP/HTTP metrics endpoint, e.g. {@code http://127.0.0.1:4318/v1/metrics}. */
    static OtlpPush start(URI url) {
        return new OtlpPush(url);
    }

    MeterRegistry registry() {
        return registry;
    }

    URI url() {
        return url;
    }
}
