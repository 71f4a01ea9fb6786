package dev.horde.ws;

import dev.horde.engine.RunScope;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP client whose WebSockets all users of one run share: one selector thread and a small pool for
 * listener callbacks, whatever the number of connections, instead of threads per connection. Closed with the run.
 */
final class WebSocketTransport implements AutoCloseable {

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
