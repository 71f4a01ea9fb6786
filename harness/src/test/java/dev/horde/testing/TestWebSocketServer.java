package dev.horde.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on 127.0.0.1: answers {@code ping:N} with {@code pong:N}, sends {@code event:X} to every
 * connection on {@code broadcast:X}, closes the connection with code 4000 on {@code drop-me}, ends the TCP connection
 * without a close frame on {@code abort-me} at once, on {@code abort-soon} 200 ms later, and on {@code
 * say-bye-and-abort-soon} 100 ms after sending {@code bye}; ignores anything else.
 *
 * <p>{@code abort-soon} is for tests that drop a connection right after a reply: the JDK's WebSocket client loses a
 * connection's end that arrives while its listener still handles the message before it (see WebSocketSession#send).
 */
public final class TestWebSocketServer extends WebSocketServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger closed = new AtomicInteger();
    private final java.util.Queue<String> traceparents = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = new Thread(runnable, "test-ws-server-timer");
        thread.setDaemon(true);
        return thread;
    });

    private TestWebSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setTcpNoDelay(true); // small frames go out at once: with Nagle, a delayed ACK holds replies ~40 ms
        // the timer's thread starts now, with the server, not in the middle of a test that checks for threads left
        timer.scheduleWithFixedDelay(this::flushStuckWrites, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** Starts a server on a free port. */
    public static TestWebSocketServer begin() throws InterruptedException {
        TestWebSocketServer server = new TestWebSocketServer();
        server.start();
        if (!server.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test WebSocket server did not start");
        }
        return server;
    }

    /** How many connections have ended so far, however they ended. */
    public int closedConnections() {
        return closed.get();
    }

    /** {@code ws://127.0.0.1:<port>/}. */
    public String uri() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        if (message.startsWith("ping:")) {
            socket.send("pong:" + message.substring(5));
        } else if (message.startsWith("broadcast:")) {
            broadcast("event:" + message.substring(10));
        } else if (message.equals("say-bye-and-abort-soon")) {
            socket.send("bye");
            timer.schedule(() -> abort(socket), 100, TimeUnit.MILLISECONDS);
        } else if (message.equals("drop-me")) {
            socket.close(4000, "dropped on purpose");
        } else if (message.equals("abort-me")) {
            abort(socket);
        } else if (message.equals("abort-soon")) {
            timer.schedule(() -> abort(socket), 200, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Java-WebSocket's server can lose a message's write: the worker thread that queues it asks the selector to write
     * while the selector thread, just done writing the message before, turns writing off again. It cost one run in five
     * of a test pinging every 50 ms (the pong stayed queued and the round trip waited for its timeout); so every 20 ms
     * the selector is asked again for each connection with anything queued.
     */
    private void flushStuckWrites() {
        for (WebSocket socket : getConnections()) {
            if (socket.hasBufferedData()) {
                onWriteDemand(socket);
            }
        }
    }

    private void abort(WebSocket socket) {
        socket.closeConnection(1006, "aborted on purpose"); // the TCP connection ends, no close frame
        onWriteDemand(socket); // wakes the selector, which closes the socket for good: a write to it is then reset
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        traceparents.add(handshake.getFieldValue("traceparent"));
    }

    /** The {@code traceparent} of every handshake so far, empty for those without one. */
    public java.util.List<String> handshakeTraceparents() {
        return java.util.List.copyOf(traceparents);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        closed.incrementAndGet();
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
