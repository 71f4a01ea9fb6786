package dev.horde.http;

import dev.horde.internal.chaos.ClientChaos;
import java.io.IOException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.io.CloseMode;

/**
 * Closes the connection of a request that chaos marked for abort as soon as its head is sent, before any answer:
 * the target reads a whole request from a client that is gone. Installed only in runs with {@code @Chaos(abort)}.
 */
final class ChaosAborts implements Http1StreamListener {

    static final ChaosAborts INSTANCE = new ChaosAborts();
    static final String ABORT = "abort";

    private ChaosAborts() {
    }

    @Override
    public void onRequestHead(HttpConnection connection, HttpRequest request) {
        Header mark = request.getFirstHeader(ClientChaos.HEADER);
        if (mark != null && ABORT.equals(mark.getValue())) {
            try {
                connection.close(); // flushes the head to the target first, unlike close(CloseMode)
            } catch (IOException e) {
                connection.close(CloseMode.IMMEDIATE);
            }
        }
    }

    @Override
    public void onResponseHead(HttpConnection connection, HttpResponse response) {
    }

    @Override
    public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {
    }
}
