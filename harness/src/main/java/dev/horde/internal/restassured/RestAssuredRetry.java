package dev.horde.internal.restassured;

import dev.horde.internal.http.StaleConnectionRetry;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.apache.http.HttpConnection;
import org.apache.http.HttpConnectionMetrics;
import org.apache.http.HttpRequest;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.protocol.HttpContext;
import org.apache.http.protocol.HttpCoreContext;

/**
 * When REST Assured's HttpClient 4 sends a request again: only on the rule of {@link StaleConnectionRetry} (an
 * idempotent request that met a kept-alive connection the server had closed), and never once the run has ended.
 * HttpClient 4's own handler sends every idempotent request that got no answer up to three times more: a target
 * that drops connections would get four times the load and be reported as slow instead of failing, and a request
 * cut off at the end of the run would be sent again on a fresh connection and wait anew.
 */
final class RestAssuredRetry implements HttpRequestRetryHandler {

    private static final int MAX_ATTEMPTS = 10;

    private final BooleanSupplier ended;

    /** A handler that stops retrying once {@code ended} says so. */
    RestAssuredRetry(BooleanSupplier ended) {
        this.ended = ended;
    }

    @Override
    public boolean retryRequest(IOException exception, int executionCount, HttpContext context) {
        if (ended.getAsBoolean() || executionCount > MAX_ATTEMPTS || !StaleConnectionRetry.closedByServer(exception)) {
            return false;
        }
        HttpCoreContext core = HttpCoreContext.adapt(context);
        HttpRequest request = core.getRequest();
        HttpConnection connection = core.getConnection();
        if (request == null || connection == null || !StaleConnectionRetry.idempotent(request.getRequestLine().getMethod())) {
            return false;
        }
        try {
            HttpConnectionMetrics metrics = connection.getMetrics();
            return StaleConnectionRetry.reusedWithoutAnswer(metrics.getRequestCount(), metrics.getResponseCount());
        } catch (RuntimeException shutDown) { // the run closed the connection meanwhile
            return false;
        }
    }
}
