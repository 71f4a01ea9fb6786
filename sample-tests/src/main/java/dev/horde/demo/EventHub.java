package dev.horde.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The WebSocket side of the demo (Java-WebSocket server): a signed-in user connects with its token and receives the
 * events of its channels; it may send {@code {"action":"ping","seq":n}} and gets {@code {"event":"pong","seq":n}}.
 */
final class EventHub extends WebSocketServer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Long, Set<WebSocket>> sockets = new ConcurrentHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-ws-flusher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ChatService chat;

    EventHub() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setTcpNoDelay(true); // small frames go out at once: with Nagle, a delayed ACK holds replies ~40 ms
    }

    void serve(ChatService service) throws InterruptedException {
        this.chat = service;
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the WebSocket server did not start within 10 s");
        }
        flusher.scheduleWithFixedDelay(this::flushStuckWrites, 20, 20, TimeUnit.MILLISECONDS);
    }

    /** Stops the server, waiting up to {@code timeoutMillis} for its connections to close. */
    void shutDown(int timeoutMillis) throws InterruptedException {
        flusher.shutdownNow();
        stop(timeoutMillis);
    }

    /**
     * Java-WebSocket's server can lose a message's write: the worker thread that queues it asks the selector to write
     * while the selector thread, just done writing the message before, turns writing off again; the message then
     * waits for the connection's next one. Every 20 ms the selector is asked again for each connection with anything
     * queued.
     */
    private void flushStuckWrites() {
        for (WebSocket socket : getConnections()) {
            if (socket.hasBufferedData()) {
                onWriteDemand(socket);
            }
        }
    }

    /** Sends {@code event} to every open socket of the channel's members. */
    void publish(ChatService.Event event) {
        if (event.channel() == null) {
            return;
        }
        String message;
        try {
            message = JSON.writeValueAsString(Map.of("event", event.type(), "channel_id", event.channel().id(),
                    "data", event.payload()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (Long member : event.channel().members()) {
            for (WebSocket socket : sockets.getOrDefault(member, Set.of())) {
                try {
                    socket.send(message);
                } catch (WebsocketNotConnectedException closing) {
                    // closed since it was listed (a client dropping it): that member misses the event, the post stands
                }
            }
        }
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String authorization = handshake.getFieldValue("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        var account = chat.session(token);
        if (account.isEmpty()) {
            socket.close(CloseFrame.POLICY_VALIDATION, "not signed in");
            return;
        }
        socket.setAttachment(account.get().id());
        sockets.computeIfAbsent(account.get().id(), id -> ConcurrentHashMap.newKeySet()).add(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        Long id = socket.getAttachment();
        if (id != null) {
            Set<WebSocket> open = sockets.get(id);
            if (open != null) {
                open.remove(socket);
            }
        }
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
        try {
            JsonNode request = JSON.readTree(message);
            if ("ping".equals(request.path("action").asText())) {
                socket.send(JSON.writeValueAsString(Map.of("event", "pong", "seq", request.path("seq").asLong())));
            }
        } catch (Exception e) {
            socket.close(CloseFrame.UNEXPECTED_CONDITION, "bad message");
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        // a broken connection closes by itself; the server keeps serving the others
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
