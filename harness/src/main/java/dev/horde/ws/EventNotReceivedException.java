package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.metrics.NamedFailure;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * An expected event did not arrive in time: counted under the cause {@value #CAUSE}, followed by the inbox's name
 * when an inbox was awaited.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class EventNotReceivedException extends AssertionFailedError implements NamedFailure {

    private static final long serialVersionUID = 1L;

    /** The failure cause of a missed event. */
    public static final String CAUSE = "ws event not received";

    private final String failureCause;

    /** A missed event, described by {@code message}. */
    public EventNotReceivedException(String message) {
        super(message);
        this.failureCause = CAUSE;
    }

    /** A missed entry of the inbox named {@code inbox}, described by {@code message}. */
    public EventNotReceivedException(String message, String inbox) {
        super(message);
        this.failureCause = cause(inbox);
    }

    /** The failure cause of a missed entry of the inbox named {@code inbox}: {@code ws event not received in 'chat'}. */
    public static String cause(String inbox) {
        return CAUSE + " in '" + inbox + "'";
    }

    @Override
    public String failureCause() {
        return failureCause;
    }
}
