package dev.horde.internal.container;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTarget;
import dev.horde.LoadTestConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.testcontainers.containers.ContainerState;

/**
 * The Testcontainers side of a {@link LoadTarget}: whether a value is a container, and where a running one is
 * reached. Its methods load Testcontainers' classes only once {@link #isContainer(Object)} found them.
 */
@API(status = INTERNAL, since = "0.1")
public final class Containers {

    private static final boolean PRESENT = present();

    private Containers() {
    }

    /** Whether Testcontainers is on the class path. */
    public static boolean available() {
        return PRESENT;
    }

    /** Whether {@code value} is a Testcontainers container; false when Testcontainers is not on the class path. */
    public static boolean isContainer(Object value) {
        return PRESENT && value instanceof ContainerState;
    }

    /**
     * The target {@code container} is: {@code <scheme>://<host>:<mapped port>}, or the port itself on the host's
     * network.
     *
     * @param container a value {@link #isContainer(Object)} accepted
     * @param name the target's name, empty for the default target
     * @param annotation what the test asks for: port and scheme
     * @param where the member, for messages: {@code @LoadTarget field [DemoLoadTest.demo]}
     * @throws LoadTestConfigurationException when the container is not running or does not expose the port
     */
    public static ContainerTarget target(Object container, String name, LoadTarget annotation, String where) {
        ContainerState state = (ContainerState) container;
        if (!state.isRunning()) {
            throw new LoadTestConfigurationException(where + " is a container that is not running ("
                    + container.getClass().getSimpleName() + "): start it before the load test, with Testcontainers'"
                    + " @Testcontainers and @Container, in @BeforeAll, or in a static initializer.");
        }
        var info = state.getContainerInfo();
        String image = info != null && info.getConfig() != null && info.getConfig().getImage() != null
                ? info.getConfig().getImage() : container.getClass().getSimpleName();
        boolean hostNetwork = info != null && info.getHostConfig() != null
                && "host".equals(info.getHostConfig().getNetworkMode());
        List<Integer> exposed = state.getExposedPorts();
        int port;
        if (annotation.port() != 0) {
            port = annotation.port();
            if (!hostNetwork && !exposed.contains(port)) {
                throw new LoadTestConfigurationException(where + " names port [" + port + "] of a container that"
                        + " exposes " + (exposed.isEmpty() ? "no port: expose it" : "only " + exposed + ": use one of"
                        + " those, or expose it") + " with withExposedPorts(" + port + ").");
            }
        } else if (!exposed.isEmpty()) {
            port = exposed.get(0);
        } else {
            throw new LoadTestConfigurationException(where + " is a container that exposes no port"
                    + (hostNetwork ? " and uses the host's network" : "") + ": say which port to load with"
                    + " @LoadTarget(port = 8080)" + (hostNetwork ? "" : " and expose it with withExposedPorts(8080)")
                    + ".");
        }
        int reached = hostNetwork ? port : state.getMappedPort(port);
        String scheme = annotation.scheme().strip().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new LoadTestConfigurationException(where + " has 'scheme' [" + annotation.scheme()
                    + "]: a container target is reached over http or https.");
        }
        URI uri;
        try {
            uri = new URI(scheme, null, state.getHost(), reached, null, null, null);
        } catch (URISyntaxException e) {
            throw new LoadTestConfigurationException(where + " gives a container at host [" + state.getHost()
                    + "] that makes no URL: " + e.getMessage());
        }
        return new ContainerTarget(name, uri, state.getContainerId(), image, where, ResourceLimits.NONE);
    }

    private static boolean present() {
        try {
            Class.forName("org.testcontainers.containers.ContainerState", false, Containers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
