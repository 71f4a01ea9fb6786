package dev.horde.testing;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * The Docker engine of this machine and the local base image that {@code docker/local-images.sh} imports; tests that
 * need them are skipped, naming why, where they are missing.
 */
public final class LocalDocker {

    /** A JRE and busybox's shell and tools, imported by {@code docker/local-images.sh}; pulls nothing. */
    public static final String IMAGE = "horde-local/jre:17";

    private LocalDocker() {
    }

    /** Skips the test unless a Docker engine answers and has {@link #IMAGE}. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine answers (DOCKER_HOST or /var/run/docker.sock): .ci/run starts one");
        boolean image;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            image = true;
        } catch (RuntimeException e) {
            image = false;
        }
        Assumptions.assumeTrue(image, "the image " + IMAGE + " is missing: docker/local-images.sh builds it");
    }
}
