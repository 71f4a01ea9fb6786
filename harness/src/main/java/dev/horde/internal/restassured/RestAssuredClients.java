package dev.horde.internal.restassured;

import dev.horde.internal.engine.RunScope;
import dev.horde.internal.engine.UserContext;
import io.restassured.config.HttpClientConfig;
import io.restassured.internal.RequestSpecificationImpl;
import io.restassured.specification.FilterableRequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.http.HttpEntity;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.client.HttpClient;
import org.apache.http.conn.ConnectionReleaseTrigger;
import org.apache.http.impl.client.AbstractHttpClient;
import org.apache.http.protocol.HttpContext;
import org.apache.http.util.EntityUtils;

/**
 * One REST Assured HTTP client per virtual user, kept for the whole run, so that a user's requests go over its own
 * keep-alive connection as a browser's would. By default REST Assured makes a new client, and so a new connection,
 * for every request: at a few hundred requests per second that is thousands of sockets in TIME_WAIT and a connect
 * in every latency. Requests whose configuration already reuses a client are left as they are. Closed with the run:
 * closing shuts each client's connections, which ends requests still waiting for an answer. Each client retries by
 * the rules of {@link RestAssuredRetry}.
 *
 * <p>REST Assured's client (HttpClient 4 with its single-connection manager) holds its connection until the body of
 * the last response is read to its end or the connection is aborted; the next request on a connection still held
 * fails with {@code IllegalStateException: Invalid use of BasicClientConnManager: connection still allocated} without
 * being sent. REST Assured never opens a body announced with {@code Content-Length: 0}, and leaves others unread when
 * parsing fails, so after each request {@link UserClient#finish()} reads what is left of the body, or
 * {@link UserClient#abort()} closes the connection when the request failed.
 */
@SuppressWarnings("deprecation") // REST Assured's clients are HttpClient 4's deprecated AbstractHttpClient
final class RestAssuredClients implements AutoCloseable {

    private static final VarHandle HTTP_CLIENT = httpClientField();

    private final AtomicReferenceArray<UserClient> byUser;
    private volatile boolean closed;

    private RestAssuredClients(int users) {
        byUser = new AtomicReferenceArray<>(users);
    }

    /**
     * Makes {@code request} use {@code user}'s client, created from the request's configuration on the user's first
     * request, and returns it: once the request is sent, the caller must {@linkplain UserClient#finish() finish} or
     * {@linkplain UserClient#abort() abort} it. Returns null, and does nothing, when the request's configuration
     * reuses a client of its own or REST Assured's internals are not what this class knows.
     *
     * @throws IllegalStateException if the run has ended
     */
    static UserClient assign(FilterableRequestSpecification request, UserContext user) {
        HttpClientConfig config = request.getConfig().getHttpClientConfig();
        if (HTTP_CLIENT == null || config.isConfiguredToReuseTheSameHttpClientInstance()
                || !(request instanceof RequestSpecificationImpl)) {
            return null;
        }
        RestAssuredClients clients = user.scope().shared(RestAssuredClients.class, RestAssuredClients::forRun);
        if (user.index() >= clients.byUser.length()) {
            return null;
        }
        UserClient client = clients.byUser.get(user.index());
        if (client == null) {
            client = clients.create(config, user.index());
            if (client == null) {
                return null;
            }
        }
        HTTP_CLIENT.set((RequestSpecificationImpl) request, client.http);
        return client;
    }

    /** Whether REST Assured's per-request client can be replaced in this version of REST Assured. */
    static boolean supported() {
        return HTTP_CLIENT != null;
    }

    private UserClient create(HttpClientConfig config, int user) {
        if (!(config.httpClientInstance() instanceof AbstractHttpClient http)) {
            return null; // a factory of the user's makes clients this class cannot watch: leave them as they are
        }
        http.setHttpRequestRetryHandler(new RestAssuredRetry(() -> closed));
        UserClient client = new UserClient(http);
        http.addResponseInterceptor(client);
        byUser.set(user, client);
        if (closed) { // closed meanwhile: close() may have missed it
            http.getConnectionManager().shutdown();
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
            System.err.println("horde: this REST Assured version is not one Horde knows: each REST Assured request"
                    + " will open a connection of its own (" + e + ")");
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < byUser.length(); i++) {
            UserClient client = byUser.getAndSet(i, null);
            if (client != null) {
                client.http.getConnectionManager().shutdown();
            }
        }
    }

    /**
     * A virtual user's client, and the last response it received: only the user's thread sends with it, one request
     * at a time.
     */
    static final class UserClient implements HttpResponseInterceptor {

        private final AbstractHttpClient http;
        private HttpResponse last;

        private UserClient(AbstractHttpClient http) {
            this.http = http;
        }

        @Override
        public void process(HttpResponse response, HttpContext context) {
            last = response; // a redirect's response is replaced by the next one: the client consumed its body
        }

        /**
         * Reads what REST Assured left unread of the last response's body to its end, which frees the connection
         * for the user's next request (kept alive if the server allows).
         *
         * @throws UncheckedIOException if the rest of the body could not be read; the connection is then closed
         */
        void finish() {
            HttpEntity entity = takeEntity();
            if (entity != null) {
                try {
                    EntityUtils.consume(entity);
                } catch (IOException e) {
                    throw new UncheckedIOException("reading the rest of the response body", e);
                }
            }
        }

        /** Closes the connection of the last response, if still held: after a failure its state is unknown. */
        void abort() {
            if (takeEntity() instanceof ConnectionReleaseTrigger held) {
                try {
                    held.abortConnection();
                } catch (IOException | RuntimeException e) {
                    // closing a connection that is broken already
                }
            }
        }

        private HttpEntity takeEntity() {
            HttpResponse response = last;
            last = null;
            return response == null ? null : response.getEntity();
        }
    }
}
