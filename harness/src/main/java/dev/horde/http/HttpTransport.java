package dev.horde.http;

import dev.horde.engine.CurrentUser;
import dev.horde.engine.RunScope;
import dev.horde.metrics.MetricRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient 5 client that the users of one run share: one keep-alive connection pool sized for every
 * user, timeouts from the run, no automatic retries (every attempt is one counted request), and the per-endpoint
 * metrics so that a request looks its metric up without building its name. Closed with the run.
 */
final class HttpTransport implements AutoCloseable {

    private static final Object STANDALONE_LOCK = new Object();
    private static HttpTransport standalone;

    private final CloseableHttpClient client;
    private final MetricRegistry registry;
    private final ConcurrentHashMap<String, Endpoints> endpointsByBasePath = new ConcurrentHashMap<>();

    private HttpTransport(int maxConnections, Duration timeout, MetricRegistry registry) {
        this.registry = registry;
        Timeout limit = Timeout.of(timeout);
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX) // no pool-wide lock on lease and release
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .addRequestInterceptorLast(SessionCookies.ON_REQUEST)
                .addResponseInterceptorLast(SessionCookies.ON_RESPONSE)
                .setUserAgent("horde")
                .build();
    }

    /** The transport of the current virtual user's run, or an unrecorded one on threads that are not users. */
    static HttpTransport current() {
        CurrentUser user = CurrentUser.get();
        if (user == null) {
            return standalone();
        }
        return user.scope().shared(HttpTransport.class, scope -> forRun(scope, user.metrics()));
    }

    private static HttpTransport forRun(RunScope scope, MetricRegistry registry) {
        return new HttpTransport(Math.max(2, scope.maxUsers()), scope.requestTimeout(), registry);
    }

    private static HttpTransport standalone() {
        synchronized (STANDALONE_LOCK) {
            if (standalone == null) {
                standalone = new HttpTransport(64, Duration.ofSeconds(30), null);
            }
            return standalone;
        }
    }

    CloseableHttpClient client() {
        return client;
    }

    /** The metrics of requests under {@code basePath}, or null when requests are not recorded. */
    Endpoints endpoints(String basePath) {
        if (registry == null) {
            return null;
        }
        return endpointsByBasePath.computeIfAbsent(basePath, base -> new Endpoints(registry, base));
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
