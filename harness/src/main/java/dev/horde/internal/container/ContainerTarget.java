package dev.horde.internal.container;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.net.URI;
import org.apiguardian.api.API;

/**
 * A target that runs in a container: where users reach it and how the Docker API names it.
 *
 * @param name the target's name, empty for the test's default target
 * @param uri where users reach it
 * @param containerId the container's full id
 * @param image the container's image, for reports
 * @param where the member that gave it, for messages: {@code @LoadTarget field [DemoLoadTest.demo]}
 * @param limits the budgets on its resources
 */
@API(status = INTERNAL, since = "0.1")
public record ContainerTarget(String name, URI uri, String containerId, String image, String where,
        ResourceLimits limits) {

    /** The same target with {@code limits}. */
    public ContainerTarget withLimits(ResourceLimits limits) {
        return new ContainerTarget(name, uri, containerId, image, where, limits);
    }

    /** The container's id as {@code docker ps} shows it: its first 12 characters. */
    public String shortId() {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    /** {@code container 3f2a1b2c3d4e (horde/demo:latest)}. */
    public String describe() {
        return "container " + shortId() + " (" + image + ")";
    }

    /** How readings name the target's resources: {@code container} or {@code auth container}. */
    public String label() {
        return name.isEmpty() ? "container" : name + " container";
    }
}
