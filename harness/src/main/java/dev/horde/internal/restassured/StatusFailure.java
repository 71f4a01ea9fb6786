package dev.horde.internal.restassured;

import dev.horde.internal.metrics.Format;

/**
 * A REST Assured response with a status of 400 or more, as an error sample: the request, the status and the start of
 * the body, as the lean client's {@code UnexpectedStatusException} reports it. Its stack trace would only show the
 * recorder, so it has none.
 */
final class StatusFailure extends Exception {

    private static final long serialVersionUID = 1L;

    StatusFailure(String request, int status, String body) {
        super(request + " answered HTTP " + status + Format.bodyExcerpt(body), null, false, false);
    }
}
