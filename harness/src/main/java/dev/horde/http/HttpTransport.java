package dev.horde.http;

import dev.horde.internal.engine.RunScope;
import dev.horde.internal.engine.UserContext;
import dev.horde.internal.http.Endpoints;
import dev.horde.internal.http.RequestMetrics;
import dev.horde.internal.http.StaleConnectionRetry;
import dev.horde.internal.plan.ChaosPlan;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultClientConnectionReuseStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.Timeout;

/**
 * The Apache HttpClient 5 client that the users of one run share: one keep-alive connection pool sized for every
 * user, a deadline per request from the run's timeout (kept by {@link Deadlines}), no automatic retries but one
 * ({@link StaleConnectionRetry}: an idempotent request on a kept-alive connection the server had closed), and the
 * per-endpoint metrics so that a request looks its metric up without
 * building its name. Closed with the run. Outside a run one unrecorded transport with timed reads serves all.
 */
final class HttpTransport implements AutoCloseable {

    private static final Object STANDALONE_LOCK = new Object();
    private static HttpTransport standalone;

    private final CloseableHttpClient client;
    private final Duration timeout;
    private final Deadlines deadlines;
    private final boolean chaos;
    private final RequestMetrics metrics;

    private HttpTransport(int maxConnections, Duration timeout, RequestMetrics metrics, boolean watchdog,
            ChaosPlan chaos) {
        this.metrics = metrics;
        this.chaos = chaos.on();
        this.timeout = timeout;
        this.deadlines = watchdog ? new Deadlines() : null;
        Timeout limit = Timeout.of(timeout);
        Timeout readLimit = watchdog ? Timeout.DISABLED : limit; // with a watchdog, reads are untimed (no timer each)
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX) // no pool-wide lock on lease and release
                .setConnPoolPolicy(PoolReusePolicy.LIFO)
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(readLimit)
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom();
        if (chaos.abort() > 0) {
            builder.setRequestExecutor(new HttpRequestExecutor(Http1Config.DEFAULT,
                    DefaultClientConnectionReuseStrategy.INSTANCE, ChaosAborts.INSTANCE));
        }
        this.client = builder
                .setConnectionManager(pool)
                .setDefaultRequestConfig(watchdog
                        ? RequestConfig.custom().setConnectionRequestTimeout(limit).build() // no per-request socket option
                        : RequestConfig.custom().setConnectionRequestTimeout(limit).setResponseTimeout(limit).build())
                .setRetryStrategy(StaleConnectionRetry.INSTANCE)
                .disableContentCompression()
                .disableCookieManagement()
                .addRequestInterceptorLast(SessionCookies.ON_REQUEST)
                .addResponseInterceptorLast(SessionCookies.ON_RESPONSE)
                .setUserAgent("horde")
                .build();
    }

    /** The transport of the current virtual user's run, or an unrecorded one on threads that are not users. */
    static HttpTransport current() {
        UserContext user = UserContext.get();
        if (user == null) {
            return standalone();
        }
        return user.scope().shared(HttpTransport.class, scope -> forRun(scope, user));
    }

    private static HttpTransport forRun(RunScope scope, UserContext user) {
        return new HttpTransport(Math.max(2, scope.maxUsers()), scope.requestTimeout(), RequestMetrics.of(user), true,
                user.chaos().plan());
    }

    private static HttpTransport standalone() {
        synchronized (STANDALONE_LOCK) {
            if (standalone == null) {
                standalone = new HttpTransport(64, Duration.ofSeconds(30), null, false, ChaosPlan.NONE);
            }
            return standalone;
        }
    }

    CloseableHttpClient client() {
        return client;
    }

    /** Whether the run's users are bad clients ({@link dev.horde.Chaos}). */
    boolean chaos() {
        return chaos;
    }

    /** The default deadline of a request, from its start. */
    Duration timeout() {
        return timeout;
    }

    /** A deadline slot for one user's client, or null when reads are timed instead (outside a run). */
    Deadlines.Slot deadlineSlot() {
        return deadlines == null ? null : deadlines.slot();
    }

    /** The metrics of requests under {@code basePath} to {@code target}, or null when requests are not recorded. */
    Endpoints endpoints(String target, String basePath) {
        return metrics == null ? null : metrics.endpoints(target, basePath);
    }

    @Override
    public void close() {
        if (deadlines != null) {
            deadlines.close();
        }
        client.close(CloseMode.IMMEDIATE);
    }
}
