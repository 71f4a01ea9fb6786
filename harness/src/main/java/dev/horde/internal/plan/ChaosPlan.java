package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What bad clients the users of a run are, from {@link dev.horde.Chaos}: a delay before each request drawn from
 * {@code [delayMin, delayMax]}, and the shares of requests aborted mid-flight, of payloads malformed and of WebSocket
 * connections dropped.
 */
@API(status = INTERNAL, since = "0.1")
public record ChaosPlan(Duration delayMin, Duration delayMax, double abort, double malformed, double dropWebSockets) {

    /** No chaos. */
    public static final ChaosPlan NONE = new ChaosPlan(Duration.ZERO, Duration.ZERO, 0, 0, 0);

    /** Whether any chaos is switched on. */
    public boolean on() {
        return !delayMax.isZero() || abort > 0 || malformed > 0 || dropWebSockets > 0;
    }

    /** {@code "delay 10ms..50ms, abort 5%, malformed 2%, drop 10% of WebSockets"}; empty when off. */
    public String describe() {
        List<String> parts = new ArrayList<>(4);
        if (!delayMax.isZero()) {
            parts.add("delay " + (delayMin.equals(delayMax) ? Durations.format(delayMax)
                    : Durations.format(delayMin) + ".." + Durations.format(delayMax)));
        }
        if (abort > 0) {
            parts.add("abort " + Format.exact(abort * 100) + "%");
        }
        if (malformed > 0) {
            parts.add("malformed " + Format.exact(malformed * 100) + "%");
        }
        if (dropWebSockets > 0) {
            parts.add("drop " + Format.exact(dropWebSockets * 100) + "%" + " of WebSockets");
        }
        return String.join(", ", parts);
    }
}
