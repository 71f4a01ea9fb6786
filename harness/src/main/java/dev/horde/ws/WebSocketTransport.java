package dev.horde.ws;

import dev.horde.internal.engine.RunScope;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP client whose WebSockets all users of one run share: one selector thread and a small pool for
 * listener callbacks, whatever the number of connections, instead of threads per connection. Closed with the run.
 *
 * <p>The JDK gives each WebSocket three 16 KB buffers (read, write, encoding): 48 KB a user before any message.
 * Unless the JVM was started with its own values, the buffers are set to {@value #SMALL_BUFFER} bytes, which holds
 * the chat-sized messages load tests send and still carries larger ones in several passes: measured with 2,000 idle
 * users, heap per user with a WebSocket went from 74 KB to 37 KB. These are JVM-wide JDK properties
 * ({@code jdk.httpclient.bufsize} is read when the JDK's HTTP client first loads).
 */
final class WebSocketTransport implements AutoCloseable {

    static final String SMALL_BUFFER = "4096";
    private static final String[] BUFFER_PROPERTIES = {
        "jdk.httpclient.bufsize",
        "jdk.httpclient.websocket.writeBufferSize",
        "jdk.httpclient.websocket.intermediateBufferSize"};

    private final ExecutorService callbacks;
    private final HttpClient client;

    private WebSocketTransport(int threads) {
        AtomicInteger number = new AtomicInteger();
        callbacks = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "horde-ws-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder().executor(callbacks).build();
    }

    static WebSocketTransport forRun(RunScope scope) {
        for (String property : BUFFER_PROPERTIES) {
            if (System.getProperty(property) == null) {
                System.setProperty(property, SMALL_BUFFER);
            }
        }
        return new WebSocketTransport(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    HttpClient client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        callbacks.shutdownNow();
        if (client instanceof AutoCloseable closeable) { // JDK 21+: closes every connection and the selector thread
            closeable.close();
        }
    }
}
