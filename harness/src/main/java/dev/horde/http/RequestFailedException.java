package dev.horde.http;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A request that got no response: refused, reset, timed out, malformed. Its cause is the client's exception; the
 * sample is counted under the cause {@link dev.horde.metrics.FailureCause} finds in it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class RequestFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RequestFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
