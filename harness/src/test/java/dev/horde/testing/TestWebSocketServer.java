package dev.horde.testing;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server on 127.0.0.1: answers {@code ping:N} with {@code pong:N}, sends {@code event:X} to every
 * connection on {@code broadcast:X}, closes the connection with code 4000 on {@code drop-me}, ends the TCP connection
 * without a close frame on {@code abort-me}, ignores anything else.
 */
public final class TestWebSocketServer extends WebSocketServer implements AutoCloseable {

    private final CountDownLatch started = new CountDownLatch(1);

    private TestWebSocketServer() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setTcpNoDelay(true); // small frames go out at once: with Nagle, a delayed ACK holds replies ~40 ms
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
        } else if (message.equals("drop-me")) {
            socket.close(4000, "dropped on purpose");
        } else if (message.equals("abort-me")) {
            socket.closeConnection(1006, "aborted on purpose"); // the TCP connection ends, no close frame
        }
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
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
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
