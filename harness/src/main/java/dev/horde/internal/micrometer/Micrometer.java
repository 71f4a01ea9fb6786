package dev.horde.internal.micrometer;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.plan.LoadPlan;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Whether Micrometer is on the class path and has somewhere to publish (a registry in Micrometer's global registry, or
 * the Prometheus endpoint {@value LoadTest#PROMETHEUS_PROPERTY_NAME} asks for); the publisher of a run when it has.
 * Costs nothing when it has not: the run gets {@link RunObserver#NONE}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Micrometer {

    private static final boolean PRESENT = present("io.micrometer.core.instrument.Metrics");
    private static Object endpoint; // a PrometheusEndpoint, typed loosely so this class loads without Micrometer

    private Micrometer() {
    }

    /** What publishes {@code plan}'s run to Micrometer's global registry, or {@link RunObserver#NONE}. */
    public static synchronized RunObserver publisherOf(LoadPlan plan) {
        if (endpoint != null) {
            return Registries.publisher(plan, endpoint);
        }
        if (!PRESENT || !Registries.globalHasRegistries()) {
            return RunObserver.NONE;
        }
        return Registries.publisher(plan, null);
    }

    /**
     * Serves Horde's meters for Prometheus at {@code address} from now until the JVM ends, unless it already serves;
     * {@code setting} is how the configuration wrote it, for messages.
     *
     * @throws LoadTestConfigurationException if Micrometer's Prometheus registry is missing or the address cannot be
     *     bound
     */
    public static synchronized void servePrometheus(InetSocketAddress address, String setting) {
        if (endpoint != null) {
            return;
        }
        String origin = "configuration parameter '" + LoadTest.PROMETHEUS_PROPERTY_NAME + "' [" + setting + "]";
        if (!PRESENT || !present("io.micrometer.prometheusmetrics.PrometheusMeterRegistry")) {
            throw new LoadTestConfigurationException(origin + " needs Micrometer's Prometheus registry on the test class"
                    + " path: add io.micrometer:micrometer-registry-prometheus (test scope).");
        }
        endpoint = Registries.serve(address, origin);
    }

    /** Where the Prometheus endpoint serves, if it was asked for. */
    static synchronized Optional<URI> prometheusEndpoint() {
        return endpoint == null ? Optional.empty() : Optional.of(((PrometheusEndpoint) endpoint).uri());
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Micrometer.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that Micrometer's classes load only when they are present. */
    private static final class Registries {

        private static CompositeMeterRegistry withEndpoint;

        static boolean globalHasRegistries() {
            return !Metrics.globalRegistry.getRegistries().isEmpty();
        }

        static RunObserver publisher(LoadPlan plan, Object endpoint) {
            if (endpoint == null) {
                return new MeterPublisher(plan, Metrics.globalRegistry);
            }
            if (withEndpoint == null) {
                withEndpoint = new CompositeMeterRegistry();
                withEndpoint.add(Metrics.globalRegistry);
                withEndpoint.add(((PrometheusEndpoint) endpoint).registry());
            }
            return new MeterPublisher(plan, withEndpoint);
        }

        static Object serve(InetSocketAddress address, String origin) {
            try {
                PrometheusEndpoint started = PrometheusEndpoint.start(address);
                System.out.println("[horde] Prometheus metrics at " + started.uri());
                return started;
            } catch (IOException | RuntimeException e) {
                throw new LoadTestConfigurationException(origin + " cannot be served: " + address.getHostString() + ":"
                        + address.getPort() + " cannot be bound (" + e.getMessage() + "); choose a free port, or 0 for"
                        + " any free one.");
            }
        }
    }
}
