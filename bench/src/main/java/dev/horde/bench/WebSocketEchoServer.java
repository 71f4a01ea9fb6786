package dev.horde.bench;

import java.net.InetSocketAddress;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A WebSocket server on 127.0.0.1 that echoes text, for bench/run.sh's memory mode; runs in its own process. */
public final class WebSocketEchoServer extends WebSocketServer {

    private WebSocketEchoServer(int port) {
        super(new InetSocketAddress("127.0.0.1", port), 2);
        setReuseAddr(true);
        setTcpNoDelay(true); // small frames go out at once: with Nagle, a delayed ACK holds replies ~40 ms
        setConnectionLostTimeout(0);
    }

    public static void main(String[] args) throws InterruptedException {
        WebSocketEchoServer server = new WebSocketEchoServer(Integer.parseInt(args[0]));
        server.start();
        Thread.currentThread().join(); // until the script kills the process
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
    }

    @Override
    public void onStart() {
        System.out.println("echo server on " + getAddress());
    }
}
