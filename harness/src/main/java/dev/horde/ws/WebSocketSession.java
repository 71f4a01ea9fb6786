package dev.horde.ws;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.engine.CurrentUser;
import dev.horde.metrics.FailureCause;
import dev.horde.metrics.Metric;
import dev.horde.metrics.MetricKind;
import dev.horde.metrics.MetricRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * One virtual user's WebSocket connection (Java-WebSocket), measured: connect time as {@value #CONNECT}, request and
 * reply as {@value #ROUND_TRIP}, and every drop the user did not ask for as a failed {@value #DISCONNECT} with the close
 * code as its cause. After a drop, the next {@link #send} reconnects with exponential backoff. Incoming text messages go
 * to a consumer on the connection's own thread. Create and use it on the virtual user's thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class WebSocketSession implements AutoCloseable {

    /** Metric of connection set-ups. */
    public static final String CONNECT = "ws connect";
    /** Metric of message exchanges made with {@link #roundTrip}. */
    public static final String ROUND_TRIP = "ws round trip";
    /** Metric of connections dropped without the user closing them. */
    public static final String DISCONNECT = "ws disconnect";

    static final int RECONNECT_ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final URI uri;
    private final Map<String, String> headers;
    private final Consumer<String> onMessage;
    private final MetricRegistry metrics;
    private final Duration timeout;
    private volatile Client client;
    private volatile boolean closing;
    private volatile long openedAt;
    private volatile Reply pending;

    private WebSocketSession(URI uri, Map<String, String> headers, Consumer<String> onMessage, CurrentUser user) {
        this.uri = uri;
        this.headers = Map.copyOf(headers);
        this.onMessage = onMessage;
        this.metrics = user.metrics();
        this.timeout = user.requestTimeout();
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
        return client != null && client.isOpen();
    }

    /** Sends a text message, reconnecting first if the connection was dropped. */
    public void send(String text) {
        ensureOpen();
        client.send(text);
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
        pending = reply;
        long start = System.nanoTime();
        try {
            send(message);
            String answer = reply.future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            metric.recordSuccess(start, System.nanoTime());
            return answer;
        } catch (TimeoutException e) {
            metric.recordFailure(start, System.nanoTime(), EventNotReceivedException.CAUSE);
            throw new EventNotReceivedException("no reply over the WebSocket within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebSocketException("interrupted while waiting for a reply", e);
        } catch (ExecutionException e) {
            throw new WebSocketException("waiting for a reply failed", e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Closes the connection; the close is not counted as a drop. */
    @Override
    public void close() {
        closing = true;
        if (client != null) {
            try {
                client.closeBlocking();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                client.close();
            }
        }
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
        if (client != null) {
            client.close();
        }
        client = new Client(uri);
        headers.forEach(client::addHeader);
        client.setConnectionLostTimeout(0); // the harness measures drops itself; no ping thread per connection
        long start = System.nanoTime();
        try {
            if (!client.connectBlocking(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                client.close();
                String cause = client.failure != null ? FailureCause.of(client.failure) : "timeout";
                metric.recordFailure(start, System.nanoTime(), cause);
                throw new WebSocketException("could not connect to " + uri + ": " + cause, client.failure);
            }
            openedAt = System.nanoTime();
            metric.recordSuccess(start, openedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.close();
            throw new WebSocketException("interrupted while connecting to " + uri, e);
        }
    }

    private record Reply(Predicate<String> isReply, CompletableFuture<String> future) {
    }

    /** Java-WebSocket's client, forwarding to the session. */
    private final class Client extends WebSocketClient {
        private volatile Exception failure;

        Client(URI target) {
            super(target);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            Reply reply = pending;
            if (reply != null && reply.isReply.test(message)) {
                reply.future.complete(message);
                return;
            }
            onMessage.accept(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            if (!closing && openedAt != 0 && client == this) {
                metrics.metric(DISCONNECT, MetricKind.MESSAGE)
                        .recordFailure(openedAt, System.nanoTime(), "ws closed " + code);
            }
        }

        @Override
        public void onError(Exception error) {
            failure = error;
        }
    }
}
