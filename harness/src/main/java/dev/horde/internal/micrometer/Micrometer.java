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
 * Whether Micrometer is on the class path and has somewhere to publish (a registry in Micrometer's global registry, the
 * Prometheus endpoint {@value LoadTest#PROMETHEUS_PROPERTY_NAME} asks for, or the OTLP push of
 * {@value LoadTest#OTLP_PROPERTY_NAME}); the publisher of a run when it has. Costs nothing when it has not: the run
 * gets {@link RunObserver#NONE}.
 */
@API(status = INTERNAL, since = "0.1")
public final class Micrometer {

    private static final boolean PRESENT = present("io.micrometer.core.instrument.Metrics");
    // typed loosely so that this class loads without Micrometer
    private static Object endpoint; // a PrometheusEndpoint
    private static Object push; // an OtlpPush

    private Micrometer() {
    }

    /** What publishes {@code plan}'s run to Micrometer's global registry, or {@link RunObserver#NONE}. */
    public static synchronized RunObserver publisherOf(LoadPlan plan) {
        if (endpoint == null && push == null && (!PRESENT || !Registries.globalHasRegistries())) {
            return RunObserver.NONE;
        }
        return Registries.publisher(plan, endpoint, push);
    }

    /**
     * Pushes Horde's meters over OTLP/HTTP to {@code url} from now until the JVM ends, unless it already does.
     *
     * @throws LoadTestConfigurationException if Micrometer's OTLP registry is missing
     */
    public static synchronized void pushOtlp(URI url) {
        if (push != null) {
            return;
        }
        if (!PRESENT || !present("io.micrometer.registry.otlp.OtlpMeterRegistry")) {
            throw new LoadTestConfigurationException("configuration parameter '" + LoadTest.OTLP_PROPERTY_NAME + "' ["
                    + url + "] needs Micrometer's OTLP registry on the test class path: add"
                    + " io.micrometer:micrometer-registry-otlp (test scope).");
        }
        push = Registries.push(url);
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

        /** The global registry and Horde's own: the endpoint's and the push's. */
        private static CompositeMeterRegistry all;

        static boolean globalHasRegistries() {
            return !Metrics.globalRegistry.getRegistries().isEmpty();
        }

        static RunObserver publisher(LoadPlan plan, Object endpoint, Object push) {
            if (endpoint == null && push == null) {
                return new MeterPublisher(plan, Metrics.globalRegistry);
            }
            if (all == null) {
                all = new CompositeMeterRegistry();
                all.add(Metrics.globalRegistry);
                if (endpoint != null) {
                    all.add(((PrometheusEndpoint) endpoint).registry());
                }
                if (push != null) {
                    all.add(((OtlpPush) push).registry());
                }
            }
            return new MeterPublisher(plan, all);
        }

        static Object push(URI url) {
            OtlpPush started = OtlpPush.start(url);
            System.out.println("[horde] OTLP metrics pushed to " + started.url() + " every "
                    + OtlpPush.STEP.toSeconds() + "s");
            return started;
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
