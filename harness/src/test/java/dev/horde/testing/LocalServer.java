package dev.horde.testing;

import dev.horde.http.HttpApi;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link TestServer} for one test class: started before its tests, counts reset before each, stopped after. Also
 * gives each thread (each virtual user) its own lean client for it, as a {@code UserEntity} holds one.
 * Register it with {@code @RegisterExtension static final LocalServer server = new LocalServer();}.
 */
public final class LocalServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private volatile TestServer server;
    private final ThreadLocal<HttpApi> clients = ThreadLocal.withInitial(() -> HttpApi.to(baseUri()));

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = TestServer.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.resetCounts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String baseUri() {
        return server.baseUri();
    }

    /** Requests answered on paths starting with {@code prefix}. */
    public long requests(String prefix) {
        return server.requests(prefix);
    }

    /** Distinct client connections requests came on. */
    public int connections() {
        return server.connections();
    }

    /** The current thread's lean client for this server. */
    public HttpApi api() {
        return clients.get();
    }
}
