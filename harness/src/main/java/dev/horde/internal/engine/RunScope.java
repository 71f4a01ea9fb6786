package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.plan.NamedTargets;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * What the users of one run share and the run closes when it ends: connection pools, clients, metric lookups.
 * Components create their shared part on first use with {@link #shared}; the run closes each that is
 * {@link AutoCloseable} once every user has ended (or been abandoned), in the reverse order of creation.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunScope implements AutoCloseable {

    private final int maxUsers;
    private final Duration requestTimeout;
    private final URI target;
    private final NamedTargets namedTargets;
    private final ConcurrentHashMap<Class<?>, Object> shared = new ConcurrentHashMap<>();
    private final List<AutoCloseable> created = new ArrayList<>(); // the shared instances to close, in creation order
    private boolean closed;

    /**
     * A scope for a run of at most {@code maxUsers} concurrent users whose requests time out after {@code requestTimeout}
     * and whose clients reach {@code target} by default (null when none is configured), and {@code namedTargets} by
     * name.
     */
    public RunScope(int maxUsers, Duration requestTimeout, URI target, NamedTargets namedTargets) {
        this.maxUsers = maxUsers;
        this.requestTimeout = requestTimeout;
        this.target = target;
        this.namedTargets = namedTargets;
    }

    /** The services the users reach by name. */
    public NamedTargets namedTargets() {
        return namedTargets;
    }

    /** The service the users' clients reach by default; null when none is configured. */
    public URI target() {
        return target;
    }

    /** The most users that run at the same time: a bound for pools. */
    public int maxUsers() {
        return maxUsers;
    }

    /** The run's default connect and read timeout of requests. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The run's one instance of {@code type}, created by {@code create} on first use; {@code create} may itself ask
     * for another shared instance.
     *
     * @throws IllegalStateException if the run has ended
     */
    public <T> T shared(Class<T> type, Function<RunScope, T> create) {
        Object existing = shared.get(type);
        if (existing != null) {
            return type.cast(existing);
        }
        synchronized (created) { // not in the map's computeIfAbsent: a creation that asks for another would corrupt it
            existing = shared.get(type);
            if (existing != null) {
                return type.cast(existing);
            }
            if (closed) {
                throw new IllegalStateException("the run has ended: no new " + type.getSimpleName());
            }
            T value = create.apply(this);
            if (value instanceof AutoCloseable closeable) {
                created.add(closeable);
            }
            shared.put(type, value);
            return value;
        }
    }

    /** Closes everything created, newest first; a failure to close one does not keep the others open. */
    @Override
    public void close() {
        List<AutoCloseable> toClose;
        synchronized (created) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(created);
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                System.err.println("horde: could not close " + toClose.get(i) + ": " + e);
            }
        }
    }
}
