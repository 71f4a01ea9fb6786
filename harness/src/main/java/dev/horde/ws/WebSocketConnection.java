package dev.horde.ws;

import dev.horde.internal.metrics.NamedFailure;
import java.io.IOException;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One opened connection of a {@link WebSocketSession} and its listener: reassembles text messages, completes the
 * awaited reply or hands messages to the session's consumer, and counts an end the user did not ask for as a drop.
 * The JDK calls the listener one message at a time on a thread of the run's WebSocket pool, while the user's thread
 * sends and closes: the state both sides read is volatile or atomic.
 */
final class WebSocketConnection implements WebSocket.Listener {

    /** The close code of a connection that ended without a close frame (RFC 6455). */
    static final int ABNORMAL_CLOSURE = 1006;

    private final WebSocketSession session;
    private final StringBuilder partial = new StringBuilder(); // the listener's thread only
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile long openedAt;
    private volatile long dropAt;
    private volatile boolean droppedByChaos;

    WebSocketConnection(WebSocketSession session) {
        this.session = session;
    }

    /** The handshake completed at {@code openedAt}; chaos drops it at {@code dropAt}, or never if 0. */
    void opened(WebSocket socket, long openedAt, long dropAt) {
        this.socket = socket;
        this.openedAt = openedAt;
        this.dropAt = dropAt;
    }

    WebSocket socket() {
        return socket;
    }

    long openedAt() {
        return openedAt;
    }

    /** Completes once the end of the connection has been counted (or not, when it was asked for). */
    CompletableFuture<Void> closed() {
        return closed;
    }

    boolean isOpen() {
        return !ended.get() && socket != null && !socket.isOutputClosed() && !socket.isInputClosed();
    }

    /** Whether chaos chose to drop this connection and its moment has come. */
    boolean dueForChaosDrop() {
        return dropAt != 0 && System.nanoTime() - dropAt >= 0;
    }

    /** Drops the connection without a close frame, for chaos: ended now, not counted as the target's drop. */
    void dropByChaos() {
        droppedByChaos = true;
        socket.abort();
        ended(ABNORMAL_CLOSURE);
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
        Reply reply = session.pendingReply();
        if (reply != null && reply.isReply().test(message)) {
            reply.future().complete(message);
            return;
        }
        session.consume(message);
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

    /** Counts the end once, whoever sees it first: the listener, a failed write, a close or chaos. */
    void ended(int code) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        Reply reply = session.pendingReply();
        if (reply != null && !droppedByChaos && session.isCurrent(this)) { // after a chaos drop the reply comes on the next one
            reply.future().completeExceptionally(new Dropped(code));
        }
        if (!session.closing() && !droppedByChaos && openedAt != 0) {
            session.countDrop(openedAt, code);
        }
        closed.complete(null); // after the drop is counted: the session's settle() waits for it
    }

    /** A reply awaited: the first incoming message {@code isReply} accepts completes {@code future}. */
    record Reply(Predicate<String> isReply, CompletableFuture<String> future) {
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
}
