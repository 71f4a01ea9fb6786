package dev.horde.http;

import dev.horde.engine.CurrentUser;
import dev.horde.engine.RunScope;
import io.restassured.config.HttpClientConfig;
import io.restassured.internal.RequestSpecificationImpl;
import io.restassured.specification.FilterableRequestSpecification;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.http.client.HttpClient;
import org.apache.http.impl.client.AbstractHttpClient;

/**
 * One REST Assured HTTP client per virtual user, kept for the whole run, so that a user's requests go over its own
 * keep-alive connection as a browser's would. By default REST Assured makes a new client, and so a new connection,
 * for every request: at a few hundred requests per second that is thousands of sockets in TIME_WAIT and a connect
 * in every latency. Requests whose configuration already reuses a client are left as they are. Closed with the run:
 * closing shuts each client's connections, which ends requests still waiting for an answer. Each client retries by
 * the rules of {@link RestAssuredRetry}.
 */
@SuppressWarnings("deprecation") // REST Assured's clients are HttpClient 4's deprecated AbstractHttpClient
final class RestAssuredClients implements AutoCloseable {

    private static final VarHandle HTTP_CLIENT = httpClientField();

    private final AtomicReferenceArray<HttpClient> byUser;
    private volatile boolean closed;

    private RestAssuredClients(int users) {
        byUser = new AtomicReferenceArray<>(users);
    }

    /**
     * Makes {@code request} use {@code user}'s client, created from the request's configuration on the user's first
     * request, and returns true; the caller must then read the response body to its end, which releases the
     * connection. Does nothing and returns false when the request's configuration reuses a client of its own, or
     * REST Assured's internals are not what this class knows.
     *
     * @throws IllegalStateException if the run has ended
     */
    static boolean assign(FilterableRequestSpecification request, CurrentUser user) {
        HttpClientConfig config = request.getConfig().getHttpClientConfig();
        if (HTTP_CLIENT == null || config.isConfiguredToReuseTheSameHttpClientInstance()
                || !(request instanceof RequestSpecificationImpl)) {
            return false;
        }
        RestAssuredClients clients = user.scope().shared(RestAssuredClients.class, RestAssuredClients::forRun);
        if (user.index() >= clients.byUser.length()) {
            return false;
        }
        HttpClient client = clients.byUser.get(user.index());
        if (client == null) {
            client = clients.create(config, user.index());
        }
        HTTP_CLIENT.set((RequestSpecificationImpl) request, client);
        return true;
    }

    private HttpClient create(HttpClientConfig config, int user) {
        HttpClient client = config.httpClientInstance();
        if (client instanceof AbstractHttpClient retrying) {
            retrying.setHttpRequestRetryHandler(new RestAssuredRetry(() -> closed));
        }
        byUser.set(user, client);
        if (closed) { // closed meanwhile: close() may have missed it
            client.getConnectionManager().shutdown();
            throw new IllegalStateException("the run has ended: no new REST Assured client");
        }
        return client;
    }

    private static RestAssuredClients forRun(RunScope scope) {
        return new RestAssuredClients(scope.maxUsers());
    }

    private static VarHandle httpClientField() {
        try {
            return MethodHandles.privateLookupIn(RequestSpecificationImpl.class, MethodHandles.lookup())
                    .findVarHandle(RequestSpecificationImpl.class, "httpClient", AbstractHttpClient.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("horde: REST Assured requests will open a connection each (" + e + ")");
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < byUser.length(); i++) {
            HttpClient client = byUser.getAndSet(i, null);
            if (client != null) {
                client.getConnectionManager().shutdown();
            }
        }
    }
}
