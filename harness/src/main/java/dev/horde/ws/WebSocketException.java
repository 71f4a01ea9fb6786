package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** A WebSocket could not be opened or used. */
@API(status = EXPERIMENTAL, since = "0.1")
public class WebSocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, caused by {@code cause} (may be null). */
    public WebSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
