package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.metrics.NamedFailure;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/** An expected event did not arrive in time: counted under the cause {@value #CAUSE}. */
@API(status = EXPERIMENTAL, since = "0.1")
public class EventNotReceivedException extends AssertionFailedError implements NamedFailure {

    private static final long serialVersionUID = 1L;

    /** The failure cause of a missed event. */
    public static final String CAUSE = "ws event not received";

    /** A missed event, described by {@code message}. */
    public EventNotReceivedException(String message) {
        super(message);
    }

    @Override
    public String failureCause() {
        return CAUSE;
    }
}
