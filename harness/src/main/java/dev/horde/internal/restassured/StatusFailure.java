package dev.horde.internal.restassured;

/**
 * A REST Assured response with a status of 400 or more, as an error sample: the request, the status and the start of
 * the body, as the lean client's {@code UnexpectedStatusException} reports it. Its stack trace would only show the
 * recorder, so it has none.
 */
final class StatusFailure extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int BODY_EXCERPT = 200;

    StatusFailure(String request, int status, String body) {
        super(request + " answered HTTP " + status + excerpt(body), null, false, false);
    }

    private static String excerpt(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "…" : text);
    }
}
