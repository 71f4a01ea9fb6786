package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.metrics.NamedFailure;
import org.apiguardian.api.API;

/**
 * A request that got no response: refused, reset, timed out, malformed. Its cause is the client's exception; the
 * sample, and an iteration it ends, are counted under {@link #failureCause()}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RequestFailedException extends RuntimeException implements NamedFailure {

    private static final long serialVersionUID = 1L;

    private final String failureCause;

    RequestFailedException(String request, String failureCause, Throwable cause) {
        super(request + ": " + failureCause, cause);
        this.failureCause = failureCause;
    }

    /** Why the request failed, as it was counted, e.g. {@code connection refused (127.0.0.1:8089)}. */
    @Override
    public String failureCause() {
        return failureCause;
    }
}
