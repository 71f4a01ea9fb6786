package dev.horde.internal.container;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.prometheus.TargetReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Samples the CPU, memory and network of container targets while a test loads them, from the Docker API's stats
 * stream (one sample a second, pushed by Docker) over the client Testcontainers already has. Runs on the Docker
 * client's own thread; {@link #close()} ends the streams. Names no Testcontainers or Docker type, so a run without
 * Testcontainers loads none.
 */
@API(status = INTERNAL, since = "0.1")
public final class ResourceSampler implements AutoCloseable {

    /** Samples nothing: a test without container targets. */
    public static final ResourceSampler NONE = new ResourceSampler(List.of());

    private final List<DockerStats> streams;

    private ResourceSampler(List<DockerStats> streams) {
        this.streams = streams;
    }

    /** Starts sampling each of {@code containers}; {@link #NONE} when there is none. */
    public static ResourceSampler start(List<ContainerTarget> containers) {
        if (containers.isEmpty()) {
            return NONE;
        }
        List<DockerStats> streams = new ArrayList<>();
        for (ContainerTarget container : containers) {
            streams.add(DockerStats.open(container));
        }
        return new ResourceSampler(streams);
    }

    /** Each container's resources over {@code from} to {@code to}: CPU, throttling, memory and network. */
    public List<TargetReading> readings(Instant from, Instant to) {
        List<TargetReading> readings = new ArrayList<>();
        for (DockerStats stream : streams) {
            readings.addAll(stream.readings(from, to));
        }
        return readings;
    }

    @Override
    public void close() {
        for (DockerStats stream : streams) { // a loop, not a method reference: that would load DockerStats
            stream.close();
        }
    }
}
