package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.apiguardian.api.API;

/**
 * Names why a sample failed, in a few words that group alike failures: {@code "HTTP 503"}, {@code "timeout"},
 * {@code "connection refused"}, {@code "connection reset"}, {@code "assertion failed: …"}, …
 */
@API(status = INTERNAL, since = "0.1")
public final class FailureCause {

    private static final int CAUSES_SHOWN = 3;

    /** Why a sample failed that was still in flight when the run ended and its grace period was over. */
    public static final String CUT_OFF = "cut off at the end of the run";

    /** Why a sample failed whose thread was interrupted. */
    public static final String INTERRUPTED = "interrupted";
    /** Why a request failed whose response (or its end) did not arrive before its deadline. */
    public static final String TIMEOUT = "timeout";
    /** The start of the cause of a request that failed inside its HTTP client, before or after the target's part. */
    public static final String CLIENT_ERROR = "client error";

    private static final int MAX_MESSAGE_LENGTH = 120;
    private static final String[] STATUS_CAUSES = new String[600];

    static {
        for (int status = 100; status < STATUS_CAUSES.length; status++) {
            STATUS_CAUSES[status] = "HTTP " + status;
        }
    }

    private FailureCause() {
    }

    /** Whether {@code cause} says the target could not be reached at all: refused, unknown host, no route. */
    public static boolean unreachable(String cause) {
        return cause.startsWith("connection refused") || cause.startsWith("unknown host")
                || cause.startsWith("no route to host");
    }

    /** {@code "HTTP <status>"}, without allocating for statuses 100 to 599. */
    public static String httpStatus(int status) {
        return status >= 100 && status < STATUS_CAUSES.length ? STATUS_CAUSES[status] : "HTTP " + status;
    }

    /** The cause of a failure that ended in {@code failure}, looking through its chain of causes. */
    public static String of(Throwable failure) {
        return of(failure, null);
    }

    /**
     * Like {@link #of(Throwable)}, naming {@code target} (e.g. {@code 127.0.0.1:8089}) after causes of the network or
     * the target's connection: {@code "connection refused (127.0.0.1:8089)"}. A null target names none.
     */
    public static String of(Throwable failure, String target) {
        String known = known(failure, target);
        if (known != null) {
            return known;
        }
        if (failure instanceof AssertionError) {
            return withMessage("assertion failed", failure);
        }
        return withMessage(failure.getClass().getSimpleName(), failure);
    }

    /**
     * Why a request failed, from what its HTTP client threw: as {@link #of(Throwable, String)} names what the network
     * or the target did, and {@code "client error: …"} for a failure with no input or output in its chain, such as an
     * {@code IllegalStateException} of a connection manager or a class missing from the class path: the request
     * failed inside the client, and says nothing of the target.
     */
    public static String ofRequest(Throwable failure, String target) {
        String known = known(failure, target);
        if (known != null) {
            return known;
        }
        String cause = withMessage(failure.getClass().getSimpleName(), failure);
        return hasIoFailure(failure) || failure instanceof AssertionError ? cause : CLIENT_ERROR + ": " + cause;
    }

    /** What a NamedFailure or an input/output failure in the chain of {@code failure} says, or null. */
    private static String known(Throwable failure, String target) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof NamedFailure named) {
                return named.failureCause();
            }
            String transport = transportCause(t);
            if (transport != null) {
                return target == null || transport.equals(INTERRUPTED) ? transport : at(transport, target);
            }
        }
        return null;
    }

    private static boolean hasIoFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Causes with their counts, most frequent first as {@code errors} orders them, at most three:
     * {@code "612 × HTTP 503, 20 × timeout (127.0.0.1:8089), and 2 more causes"}.
     */
    public static String summary(Map<String, Long> errors) {
        String shown = errors.entrySet().stream()
                .limit(CAUSES_SHOWN)
                .map(e -> Format.count(e.getValue()) + " × " + e.getKey())
                .collect(Collectors.joining(", "));
        int more = errors.size() - CAUSES_SHOWN;
        return shown + (more > 0 ? ", and " + more + " more causes" : "");
    }

    /** The target as failure causes name it: {@code "127.0.0.1:8089"}, or the host alone when the URI has no port. */
    public static String authority(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    /** {@link #authority(URI)} of a URI in text; null if it is not one. */
    public static String authority(String uri) {
        try {
            return authority(URI.create(uri));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code cause} at {@code target}: {@code "timeout (127.0.0.1:8089)"}. */
    public static String at(String cause, String target) {
        return cause + " (" + target + ")";
    }

    private static String transportCause(Throwable t) {
        String type = t.getClass().getName();
        if (t instanceof ClosedByInterruptException || t instanceof InterruptedException) {
            return INTERRUPTED;
        }
        if (t instanceof InterruptedIOException || t instanceof TimeoutException
                || type.equals("java.net.http.HttpTimeoutException")) {
            return TIMEOUT;
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (type.endsWith(".NoHttpResponseException")) {
            return "no response";
        }
        if (type.endsWith(".ConnectionClosedException") || type.endsWith(".TruncatedChunkException")) {
            return "connection closed mid-response";
        }
        if (type.endsWith(".MalformedChunkCodingException") || type.endsWith(".ProtocolException")
                || type.endsWith(".ParseException")) {
            return "malformed response";
        }
        if (t instanceof SSLException) {
            return "tls error";
        }
        if (t instanceof SocketException socket) {
            return ofSocket(socket);
        }
        return null;
    }

    /** {@code "connection reset"}, {@code "broken pipe"} (the peer closed first) or {@code "socket error"}. */
    public static String ofSocket(SocketException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (message.contains("reset")) {
            return "connection reset";
        }
        if (message.contains("broken pipe")) {
            return "broken pipe";
        }
        return "socket error";
    }

    private static String withMessage(String category, Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return category;
        }
        String oneLine = Secrets.mask(message.strip().replaceAll("\\s+", " "));
        if (oneLine.length() > MAX_MESSAGE_LENGTH) {
            oneLine = oneLine.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
        }
        return category + ": " + oneLine;
    }
}
