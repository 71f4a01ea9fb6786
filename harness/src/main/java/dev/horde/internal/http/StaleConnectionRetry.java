package dev.horde.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.FailureCause;
import java.io.IOException;
import java.net.SocketException;
import java.util.Set;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.EndpointDetails;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apiguardian.api.API;

/**
 * Sends an idempotent request once more, on a new connection, when it failed on a kept-alive connection that the
 * server had closed before answering: the server closed an idle connection (its keep-alive timeout) while the request
 * was on its way, so it never reached the application (RFC 9112, section 9.3.1; browsers, Go's client and Gatling
 * do the same). Only then: the connection carried earlier requests, no byte of this response arrived, and the failure
 * is an end of stream or a reset; again if the next pooled connection was closed too. A failure on a new connection,
 * and every other failure, is the request's outcome. The request is one sample, timed from its first attempt.
 * {@link RestAssuredRetry} applies the same rule to REST Assured's HttpClient 4.
 */
@API(status = INTERNAL, since = "0.1")
public final class StaleConnectionRetry implements HttpRequestRetryStrategy {

    public static final StaleConnectionRetry INSTANCE = new StaleConnectionRetry();

    /**
     * Attempts that may meet a closed kept-alive connection: each such connection is discarded, so the attempts end on
     * a new connection once the pool holds no more of them, whose failure is never retried; this only bounds it.
     */
    private static final int MAX_ATTEMPTS = 10;
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE");

    private StaleConnectionRetry() {
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        EndpointDetails connection = HttpClientContext.castOrCreate(context).getEndpointDetails();
        return execCount <= MAX_ATTEMPTS
                && idempotent(request.getMethod())
                && closedByServer(exception)
                && connection != null && reusedWithoutAnswer(connection.getRequestCount(), connection.getResponseCount());
    }

    public static boolean idempotent(String method) {
        return IDEMPOTENT.contains(method);
    }

    /** An end of stream before any response byte (HttpClient 5 or 4), or a reset or broken pipe. */
    public static boolean closedByServer(IOException exception) {
        return exception instanceof NoHttpResponseException
                || exception instanceof org.apache.http.NoHttpResponseException
                || exception instanceof SocketException socket && !FailureCause.ofSocket(socket).equals("socket error");
    }

    /** The connection had carried a request before this one, and nothing of this one's response arrived. */
    public static boolean reusedWithoutAnswer(long requests, long responses) {
        return requests > 1 && responses < requests;
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
