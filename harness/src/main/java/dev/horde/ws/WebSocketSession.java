package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.chaos.ClientChaos;
import dev.horde.engine.CurrentUser;
import dev.horde.metrics.FailureCause;
import dev.horde.metrics.Metric;
import dev.horde.metrics.MetricKind;
import dev.horde.metrics.MetricRegistry;
import dev.horde.metrics.NamedFailure;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * One virtual user's WebSocket connection, measured: connect time as {@value #CONNECT}, request and reply as
 * {@value #ROUND_TRIP}, and every drop the user did not ask for as a failed {@value #DISCONNECT} with the close code as
 * its cause ({@code ws closed 1006} when the connection broke without a close frame). After a drop, the next
 * {@link #send} reconnects with exponential backoff. Incoming text messages go to a consumer, one at a time, on a
 * thread of the run's WebSocket pool.
 *
 * <p>Built on the JDK's {@link java.net.http.WebSocket}: the connections of a run share one client, so thousands of
 * users hold thousands of sockets but no thread each. Create and use a session on the virtual user's thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebSocketSession implements AutoCloseable {

    /** Metric of connection set-ups. */
    public static final String CONNECT = "ws connect";
    /** Metric of message exchanges made with {@link #roundTrip}. */
    public static final String ROUND_TRIP = "ws round trip";
    /** Metric of connections dropped without the user closing them. */
    public static final String DISCONNECT = "ws disconnect";
    /** Metric of incoming messages the consumer failed on (counted only when it throws). */
    public static final String RECEIVE = "ws receive";

    static final int RECONNECT_ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** The close code of a connection that ended without a close frame (RFC 6455). */
    static final int ABNORMAL_CLOSURE = 1006;

    private final URI uri;
    private final Map<String, String> headers;
    private final Consumer<String> onMessage;
    private final MetricRegistry metrics;
    private final Duration timeout;
    private final WebSocketTransport transport;
    private final ClientChaos chaos;
    private volatile Connection connection;
    private volatile boolean closing;
    private volatile Reply pending;

    private WebSocketSession(URI uri, Map<String, String> headers, Consumer<String> onMessage, CurrentUser user) {
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
        CurrentUser user = CurrentUser.get();
        if (user == null) {
            throw new IllegalStateException("a WebSocketSession belongs to a virtual user: open it on the user's thread");
        }
        WebSocketSession session = new WebSocketSession(uri, headers, onMessage, user);
        session.connect();
        return session;
    }

    /** Whether the connection is open now. */
    public boolean isOpen() {
        Connection current = connection;
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
    private void send(String text, Reply reply) {
        dropIfChaosSaysSo();
        ensureOpen();
        Connection current = connection;
        if (reply != null) {
            pending = reply;
        }
        try {
            await(current.socket.sendText(text, true), "sending a message");
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
     * {@value #ROUND_TRIP}. Messages that are not the reply still go to the consumer.
     *
     * @throws EventNotReceivedException if no reply arrives within the run's request timeout
     */
    public String roundTrip(String message, Predicate<String> isReply) {
        Metric metric = metrics.metric(ROUND_TRIP, MetricKind.MESSAGE);
        Reply reply = new Reply(isReply, new CompletableFuture<>());
        long start = metric.start();
        String cause = null;
        try {
            send(message, reply);
            String answer = reply.future.get(Math.max(0, start + timeout.toNanos() - System.nanoTime()),
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
        Connection current = connection;
        if (current == null) {
            closing = true;
            return;
        }
        if (!current.isOpen()) { // the target ended it first: the drop is counted before closing
            settle(current);
            closing = true;
            current.socket.abort();
            return;
        }
        closing = true;
        try {
            current.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            current.closed.get(Math.min(timeout.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the server did not answer the close: drop the connection below
        } finally {
            current.socket.abort();
        }
    }

    /**
     * Counts the drop of a connection the JDK already reports ended, before it is aborted (an abort cancels the
     * listener's pending {@code onClose}): waits briefly for the listener to count it with its close code, else counts
     * it as {@code ws closed 1006}.
     */
    private void settle(Connection ended) {
        try {
            ended.closed.get(Math.min(timeout.toNanos(), TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the listener was not told in time
        }
        ended.ended(ABNORMAL_CLOSURE); // nothing more once the listener has counted it
    }

    /**
     * Drops the connection without a close frame when chaos chose it and its moment has come ({@link
     * dev.horde.Chaos#dropWebSockets()}), counted under {@value ClientChaos#DROPPED}, not as a drop by the target.
     */
    private void dropIfChaosSaysSo() {
        Connection current = connection;
        if (current == null || current.dropAt == 0 || System.nanoTime() - current.dropAt < 0 || !current.isOpen()) {
            return;
        }
        current.dropped = true;
        Metric drops = chaos.metric(ClientChaos.DROPPED);
        drops.started(current.openedAt);
        current.socket.abort();
        current.ended(ABNORMAL_CLOSURE); // ended now, not counted as the target's drop
        drops.recordSuccess(current.openedAt, System.nanoTime());
    }

    private void ensureOpen() {
        if (isOpen()) {
            return;
        }
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                connect();
                return;
            } catch (WebSocketException e) {
                if (attempt == RECONNECT_ATTEMPTS) {
                    throw e;
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebSocketException("interrupted while reconnecting", e);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void connect() {
        Metric metric = metrics.metric(CONNECT, MetricKind.REQUEST);
        Connection previous = connection;
        if (previous != null) {
            if (!previous.isOpen()) {
                settle(previous);
            }
            previous.socket.abort();
        }
        Connection fresh = new Connection();
        WebSocket.Builder builder = transport.client().newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        long start = metric.start();
        try {
            fresh.socket = builder.buildAsync(uri, fresh).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            fresh.openedAt = System.nanoTime();
            fresh.dropAt = chaos.dropAt(fresh.openedAt);
            connection = fresh;
            metric.recordSuccess(start, fresh.openedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            metric.recordFailure(start, System.nanoTime(), "interrupted");
            throw new WebSocketException("interrupted while connecting to " + uri, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            String cause = FailureCause.of(failure, uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
            metric.recordFailure(start, System.nanoTime(), cause);
            throw new WebSocketException("could not connect to " + uri + ": " + cause, failure);
        }
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

    private record Reply(Predicate<String> isReply, CompletableFuture<String> future) {
    }

    /** The connection ended while a reply was awaited: counted as {@code ws closed <code>}. */
    private static final class Dropped extends IOException implements NamedFailure {
        private static final long serialVersionUID = 1L;

        Dropped(int code) {
            super("ws closed " + code);
        }

        @Override
        public String failureCause() {
            return getMessage();
        }
    }

    /** One opened connection and its listener: messages go to the session, an unasked end counts as a drop. */
    private final class Connection implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> closed = new CompletableFuture<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile WebSocket socket;
        private volatile long openedAt;
        private volatile long dropAt;
        private volatile boolean dropped;

        boolean isOpen() {
            return !ended.get() && socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
        }

        /** A write failed: the connection is gone, whether or not the JDK told the listener. */
        void broken() {
            ended(ABNORMAL_CLOSURE);
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!last || partial.length() > 0) {
                partial.append(data);
            }
            if (last) {
                String message = partial.length() > 0 ? partial.toString() : data.toString();
                partial.setLength(0);
                deliver(message);
            }
            webSocket.request(1);
            return null;
        }

        private void deliver(String message) {
            Reply reply = pending;
            if (reply != null && reply.isReply.test(message)) {
                reply.future.complete(message);
                return;
            }
            long start = System.nanoTime();
            try {
                onMessage.accept(message);
            } catch (RuntimeException failure) { // the connection goes on; the failure is counted and sampled
                Metric metric = metrics.metric(RECEIVE, MetricKind.MESSAGE);
                String cause = FailureCause.of(failure);
                metric.started(start);
                metric.recordFailure(start, System.nanoTime(), cause);
                metrics.sampleError(metric, cause, failure);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended(statusCode);
            return null; // the JDK answers the close frame
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended(ABNORMAL_CLOSURE);
        }

        private void ended(int code) {
            if (!ended.compareAndSet(false, true)) {
                return;
            }
            Reply reply = pending;
            if (reply != null && !dropped && connection == this) { // after a chaos drop the reply comes on the next one
                reply.future.completeExceptionally(new Dropped(code));
            }
            if (!closing && !dropped && openedAt != 0) {
                Metric drops = metrics.metric(DISCONNECT, MetricKind.MESSAGE);
                drops.started(openedAt);
                drops.recordFailure(openedAt, System.nanoTime(), "ws closed " + code);
            }
            closed.complete(null); // after the drop is counted: settle() waits for it
        }
    }
}
