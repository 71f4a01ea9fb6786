package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.MetricNames;
import dev.horde.internal.chaos.ClientChaos;
import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.trace.TraceContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One virtual user's WebSocket connection, measured: connect time as {@value dev.horde.MetricNames#WS_CONNECT}, request and reply as
 * {@value dev.horde.MetricNames#WS_ROUND_TRIP}, and every drop the user did not ask for as a failed {@value dev.horde.MetricNames#WS_DISCONNECT} with the close code as
 * its cause ({@code ws closed 1006} when the connection broke without a close frame). After a drop, the next
 * {@link #send} reconnects with exponential backoff. Incoming text messages go to a consumer, one at a time, on a
 * thread of the run's WebSocket pool.
 *
 * <p>Built on the JDK's {@link java.net.http.WebSocket}: the connections of a run share one client, so thousands of
 * users hold thousands of sockets but no thread each. Create and use a session on the virtual user's thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebSocketSession implements AutoCloseable {


    private final URI uri;
    private final Map<String, String> headers;
    private final Consumer<String> onMessage;
    private final MetricRegistry metrics;
    private final Duration timeout;
    private final WebSocketTransport transport;
    private final ClientChaos chaos;
    private final String service;
    private final String connectMetric;
    private final String roundTripMetric;
    private final String receiveMetric;
    private final String disconnectMetric;
    private volatile WebSocketConnection connection;
    private volatile boolean closing;
    private volatile WebSocketConnection.Reply pending;

    private WebSocketSession(String service, URI uri, Map<String, String> headers, Consumer<String> onMessage,
            UserContext user) {
        this.service = service;
        this.connectMetric = MetricNames.of(service, MetricNames.WS_CONNECT);
        this.roundTripMetric = MetricNames.of(service, MetricNames.WS_ROUND_TRIP);
        this.receiveMetric = MetricNames.of(service, MetricNames.WS_RECEIVE);
        this.disconnectMetric = MetricNames.of(service, MetricNames.WS_DISCONNECT);
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.onMessage = onMessage;
        this.metrics = user.metrics();
        this.timeout = user.requestTimeout();
        this.transport = user.scope().shared(WebSocketTransport.class, WebSocketTransport::forRun);
        this.chaos = user.chaos();
    }

    /**
     * Connects the current virtual user to {@code uri}, waiting at most the run's request timeout.
     *
     * @throws IllegalStateException if not called on a virtual user's thread
     * @throws WebSocketException if the connection cannot be opened
     */
    public static WebSocketSession open(URI uri, Map<String, String> headers, Consumer<String> onMessage) {
        UserContext user = user();
        return open(user, user.scope().namedTargets().nameOf(uri), uri, headers, onMessage);
    }

    /**
     * Connects the current virtual user to {@code uri}, a WebSocket of the named target {@code service}: its metrics
     * carry the service's name, {@code chat: ws connect}, wherever the socket listens.
     *
     * @throws IllegalStateException if not called on a virtual user's thread
     * @throws WebSocketException if the connection cannot be opened
     */
    public static WebSocketSession open(String service, URI uri, Map<String, String> headers,
            Consumer<String> onMessage) {
        return open(user(), service, uri, headers, onMessage);
    }

    private static WebSocketSession open(UserContext user, String service, URI uri, Map<String, String> headers,
            Consumer<String> onMessage) {
        WebSocketSession session = new WebSocketSession(service, uri, headers, onMessage, user);
        session.connect();
        return session;
    }

    private static UserContext user() {
        UserContext user = UserContext.get();
        if (user == null) {
            throw new IllegalStateException("a WebSocketSession belongs to a virtual user: open it on the user's thread");
        }
        return user;
    }

    /** The named target this socket belongs to, if it belongs to one: its metrics carry the name. */
    public Optional<String> service() {
        return Optional.ofNullable(service);
    }

    /** Whether the connection is open now. */
    public boolean isOpen() {
        WebSocketConnection current = connection;
        return current != null && current.isOpen();
    }

    /**
     * Sends a text message, reconnecting first if the connection was dropped; returns once it is written. A send that
     * fails on a broken connection counts the drop and the next send reconnects.
     *
     * @throws WebSocketException if it cannot be sent within the run's request timeout
     */
    public void send(String text) {
        send(text, null);
    }

    /** Sends {@code text}, awaiting {@code reply} if not null from the connection it goes on (not an earlier one). */
    private void send(String text, WebSocketConnection.Reply reply) {
        dropIfChaosSaysSo();
        ensureOpen();
        WebSocketConnection current = connection;
        if (reply != null) {
            pending = reply;
        }
        try {
            await(current.socket().sendText(text, true), "sending a message");
        } catch (WebSocketException e) {
            if (e.getCause() instanceof IOException) {
                // The JDK's client (17 to 25 at least) loses a TCP close that arrives while the listener still handles
                // the message before it: no onClose, no onError, the socket looks open. A failed write is the sign.
                current.broken();
            }
            throw e;
        }
    }

    /**
     * Sends {@code message} and waits for the first incoming message {@code isReply} accepts, timed as
     * {@value dev.horde.MetricNames#WS_ROUND_TRIP}. Messages that are not the reply still go to the consumer.
     *
     * @throws EventNotReceivedException if no reply arrives within the run's request timeout
     */
    public String roundTrip(String message, Predicate<String> isReply) {
        Metric metric = metrics.metric(roundTripMetric, MetricKind.MESSAGE);
        WebSocketConnection.Reply reply = new WebSocketConnection.Reply(isReply, new CompletableFuture<>());
        long start = metric.start();
        String cause = null;
        try {
            send(message, reply);
            String answer = reply.future().get(Math.max(0, start + timeout.toNanos() - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
            metric.recordSuccess(start, System.nanoTime());
            return answer;
        } catch (TimeoutException e) {
            cause = EventNotReceivedException.CAUSE;
            throw new EventNotReceivedException("no reply over the WebSocket within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            cause = FailureCause.INTERRUPTED;
            Thread.currentThread().interrupt();
            throw new WebSocketException("interrupted while waiting for a reply", e);
        } catch (ExecutionException e) { // the connection ended before the reply came
            cause = FailureCause.of(e.getCause());
            throw new WebSocketException("no reply: " + cause, e.getCause());
        } catch (RuntimeException e) { // the message could not be sent
            cause = FailureCause.of(e);
            throw e;
        } finally {
            pending = null;
            if (cause != null) {
                metric.recordFailure(start, System.nanoTime(), cause);
            }
        }
    }

    /** Closes the connection, waiting briefly for the server's close frame; the close is not counted as a drop. */
    @Override
    public void close() {
        WebSocketConnection current = connection;
        if (current == null) {
            closing = true;
            return;
        }
        if (!current.isOpen()) { // the target ended it first: the drop is counted before closing
            settle(current);
            closing = true;
            current.socket().abort();
            return;
        }
        closing = true;
        try {
            current.socket().sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            current.closed().get(Math.min(timeout.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the server did not answer the close: drop the connection below
        } finally {
            current.socket().abort();
        }
    }

    /**
     * Counts the drop of a connection the JDK already reports ended, before it is aborted (an abort cancels the
     * listener's pending {@code onClose}): waits briefly for the listener to count it with its close code, else counts
     * it as {@code ws closed 1006}.
     */
    private void settle(WebSocketConnection ended) {
        try {
            ended.closed().get(Math.min(timeout.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the listener was not told in time
        }
        ended.ended(WebSocketConnection.ABNORMAL_CLOSURE); // nothing more once the listener has counted it
    }

    /**
     * Drops the connection without a close frame when chaos chose it and its moment has come ({@link
     * dev.horde.Chaos#dropWebSockets()}), counted under {@value MetricNames#CHAOS_DROPPED}, not as a drop by the target.
     */
    private void dropIfChaosSaysSo() {
        WebSocketConnection current = connection;
        if (current == null || !current.dueForChaosDrop() || !current.isOpen()) {
            return;
        }
        current.dropByChaos();
        chaos.metric(MetricNames.CHAOS_DROPPED).recordEnded(current.openedAt());
    }

    private void ensureOpen() {
        if (!isOpen()) {
            Reconnect.withBackoff(this::connect);
        }
    }

    private void connect() {
        Metric metric = metrics.metric(connectMetric, MetricKind.REQUEST);
        WebSocketConnection previous = connection;
        if (previous != null) {
            if (!previous.isOpen()) {
                settle(previous);
            }
            previous.socket().abort();
        }
        WebSocketConnection fresh = new WebSocketConnection(this);
        WebSocket.Builder builder = transport.client().newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        TraceContext trace = TraceContext.current();
        if (trace != null && headers.keySet().stream().noneMatch(TraceContext.TRACEPARENT::equalsIgnoreCase)) {
            builder.header(TraceContext.TRACEPARENT, trace.nextRequest("GET", uri.getPath() == null ? "" : uri.getPath(),
                    uri.getHost(), uri.getPort()));
            String state = trace.traceState();
            if (state != null) {
                builder.header(TraceContext.TRACESTATE, state);
            }
        }
        long start = metric.start();
        try {
            WebSocket socket = builder.buildAsync(uri, fresh).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            long openedAt = System.nanoTime();
            fresh.opened(socket, openedAt, chaos.dropAt(openedAt));
            connection = fresh;
            metric.recordSuccess(start, openedAt);
            if (trace != null) {
                trace.requestEnded(101, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metric.recordFailure(start, System.nanoTime(), "interrupted");
            if (trace != null) {
                trace.requestEnded(0, e);
            }
            throw new WebSocketException("interrupted while connecting to " + uri, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            String cause = FailureCause.of(failure, FailureCause.authority(uri));
            metric.recordFailure(start, System.nanoTime(), cause);
            if (trace != null) {
                trace.requestEnded(0, failure);
            }
            throw new WebSocketException("could not connect to " + uri + ": " + cause, failure);
        }
    }

    // ---- what a connection's listener asks of its session ----------------------------------------------------------

    /** The reply awaited now, or null. */
    WebSocketConnection.Reply pendingReply() {
        return pending;
    }

    /** Whether the user is closing the session: the end of the connection is not a drop then. */
    boolean closing() {
        return closing;
    }

    /** Whether {@code candidate} is the session's connection now (not one it replaced). */
    boolean isCurrent(WebSocketConnection candidate) {
        return connection == candidate;
    }

    /** Hands an incoming message that is not the awaited reply to the consumer; counts and samples its failure. */
    void consume(String message) {
        long start = System.nanoTime();
        try {
            onMessage.accept(message);
        } catch (RuntimeException failure) { // the connection goes on; the failure is counted and sampled
            metrics.metric(receiveMetric, MetricKind.MESSAGE).recordEnded(start, FailureCause.of(failure), failure);
        }
    }

    /** Counts the drop of a connection opened at {@code openedAt} with its close code. */
    void countDrop(long openedAt, int code) {
        metrics.metric(disconnectMetric, MetricKind.MESSAGE).recordEnded(openedAt, "ws closed " + code, null);
    }

    private void await(CompletableFuture<?> step, String what) {
        try {
            step.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            throw new WebSocketException(what + " failed: " + FailureCause.of(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new WebSocketException(what + " took longer than " + timeout.toMillis() + " ms", e);
        }
    }
}
