package dev.horde.user;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.http.HttpApi;
import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.plan.NamedTargets;
import dev.horde.internal.restassured.RestAssuredTarget;
import dev.horde.store.Inbox;
import dev.horde.store.MemStore;
import dev.horde.store.MutableUserStore;
import dev.horde.store.Slot;
import dev.horde.store.Table;
import dev.horde.store.UserStore;
import dev.horde.ws.EventNotReceivedException;
import dev.horde.ws.WebSocketSession;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apiguardian.api.API;

/**
 * The base of application users: it holds the user's state in a {@link MemStore},
 * its HTTP clients (REST Assured through {@link #http()}, the lean {@link HttpApi} through {@link #api()}, both with
 * the session token it keeps in the store) and its WebSocket, and it is the only writer of its state. Subclasses add
 * the application's actions:
 *
 * <pre>{@code
 * public class ChatUser extends UserEntity {
 *     public void login() {
 *         String token = http().body(credentials).post("/api/users/login").then().statusCode(200)
 *                 .extract().path("token");
 *         signedIn(token);
 *     }
 * }
 * }</pre>
 *
 * Controllers read the state through {@link #store()}, which cannot be written.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class UserEntity implements User, AutoCloseable {

    /** The longest and shortest pause between two looks at the inbox in {@link #awaitEvent}. */

    /** The session token of a signed-in user, sent as {@code Authorization: Bearer <token>}. */
    public static final Slot<String> TOKEN = Slot.of("token", String.class);
    /** Cookies the user keeps, sent with every request. */
    public static final Table<String, String> COOKIES = Table.of("cookies", String.class, String.class);

    private final MemStore state = new MemStore();
    private WebSocketSession socket;
    /** The delivery metric of the WebSocket's service: {@code ws delivery}, or {@code chat: ws delivery}. */
    private volatile String deliveryMetric = MetricNames.WS_DELIVERY;
    private HttpApi api;
    private final Map<String, HttpApi> apis = new HashMap<>(2);
    private volatile MetricRegistry metrics;

    @Override
    public final UserStore store() {
        return state.readOnly();
    }

    /** The user's state, for the entity's own writes. */
    protected final MutableUserStore state() {
        return state;
    }

    /** A new REST Assured request carrying this user's token and cookies; base URI and port as configured. */
    protected RequestSpecification http() {
        RequestSpecification request = RestAssured.given();
        state.get(TOKEN).ifPresent(token -> request.header("Authorization", "Bearer " + token));
        Map<String, String> cookies = state.all(COOKIES);
        if (!cookies.isEmpty()) {
            request.cookies(cookies);
        }
        return request;
    }

    /**
     * This user's lean HTTP client (a few times cheaper per request than REST Assured), created on first use for
     * {@link #baseUri()}; it carries the session token and keeps the cookies the server sets.
     */
    protected HttpApi api() {
        if (api == null) {
            String base = baseUri();
            api = HttpApi.to(base);
            UserContext user = UserContext.get();
            String name = user == null ? null : user.scope().namedTargets().nameOf(URI.create(base));
            if (name != null) { // the default target is also a named one: its metrics carry the name, as REST Assured's
                api.named(name);
            }
            state.get(TOKEN).ifPresent(api::bearer);
        }
        return api;
    }

    /**
     * This user's lean HTTP client for the service named {@code target} ({@code horde.target.<target>}), created on
     * first use; its requests' metrics carry the name, {@code auth: POST /api/users/login}, apart from the same path
     * of another service. It carries the session token and keeps the cookies the server sets.
     *
     * @throws IllegalStateException if no target of that name is configured; the message names those that are
     */
    protected HttpApi api(String target) {
        HttpApi named = apis.get(target);
        if (named == null) {
            named = HttpApi.to(target(target).toString()).named(target);
            state.get(TOKEN).ifPresent(named::bearer);
            apis.put(target, named);
        }
        return named;
    }

    /**
     * The URL of the service named {@code name} ({@code horde.target.<name>}), e.g. for a WebSocket of that service:
     * {@code connect(target("chat").resolve("/api/websocket"))}.
     *
     * @throws IllegalStateException if no target of that name is configured; the message names those that are
     */
    protected URI target(String name) {
        UserContext user = UserContext.get();
        NamedTargets targets = user == null ? NamedTargets.NONE : user.scope().namedTargets();
        return targets.uri(name).orElseThrow(() -> new IllegalStateException("no target named '" + name
                + "': configure " + LoadTest.TARGET_PROPERTY_NAME + "." + name + "=http://host:port (-D or"
                + " junit-platform.properties); configured targets: " + targets.names()));
    }

    /**
     * The service {@link #api()} talks to: by default the load test's target ({@code horde.target}, or REST Assured's
     * configured {@code baseURI}, {@code port} and {@code basePath}), so both clients reach the same place. Override
     * it to point elsewhere.
     */
    protected String baseUri() {
        UserContext user = UserContext.get();
        URI target = user == null ? null : user.target();
        URI base = target != null ? target : RestAssuredTarget.configured();
        if (base == null) {
            throw new IllegalStateException("REST Assured's baseURI [" + RestAssured.baseURI + "] is not a URI:"
                    + " set horde.target, or RestAssured.baseURI, to the service under test");
        }
        return base.toString();
    }

    /** Keeps {@code token} as the session; later requests and WebSocket connections carry it. */
    protected void signedIn(String token) {
        state.put(TOKEN, token);
        if (api != null) {
            api.bearer(token);
        }
        apis.values().forEach(named -> named.bearer(token));
    }

    /** Forgets the session token and cookies, in both HTTP clients. */
    protected void signedOut() {
        state.clear(TOKEN);
        state.all(COOKIES).keySet().forEach(name -> state.remove(COOKIES, name));
        if (api != null) {
            api.clearSession();
        }
        apis.values().forEach(HttpApi::clearSession);
    }

    /** Keeps the cookies {@code response} set. */
    protected void rememberCookies(Response response) {
        response.getCookies().forEach((name, value) -> state.put(COOKIES, name, value));
    }

    /**
     * Opens this user's WebSocket to {@code uri} (closing any previous one) with its token; incoming text messages go
     * to {@link #onMessage}, on the connection's thread.
     */
    protected WebSocketSession connect(URI uri) {
        return connect(null, uri);
    }

    /**
     * Opens this user's WebSocket to {@code uri} as {@link #connect(URI)} does, as a WebSocket of the named target
     * {@code service}, wherever it listens: its metrics carry the name, {@code chat: ws delivery}.
     *
     * @throws IllegalStateException if no target of that name is configured; the message names those that are
     */
    protected WebSocketSession connect(String service, URI uri) {
        if (service != null) {
            target(service); // a name that is not configured fails here, listing those that are
        }
        disconnect();
        UserContext user = UserContext.get();
        metrics = user == null ? null : user.metrics();
        Map<String, String> headers = new HashMap<>();
        state.get(TOKEN).ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        // named before the socket opens: another user's broadcast may arrive before open returns
        String named = service != null || user == null ? service : user.scope().namedTargets().nameOf(uri);
        deliveryMetric = MetricNames.of(named, MetricNames.WS_DELIVERY);
        socket = named == null ? WebSocketSession.open(uri, headers, this::onMessage)
                : WebSocketSession.open(named, uri, headers, this::onMessage);
        return socket;
    }

    /** The open WebSocket, if {@link #connect} was called and {@link #disconnect} was not. */
    protected Optional<WebSocketSession> socket() {
        return Optional.ofNullable(socket);
    }

    /** Closes the WebSocket, if open. */
    protected void disconnect() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    /**
     * Handles a message from the WebSocket, on the connection's thread: parse it and record what it means in
     * {@link #state()}. Does nothing by default.
     */
    protected void onMessage(String message) {
    }

    /**
     * Waits until {@code inbox} holds an entry {@code match} accepts, takes it out and returns it. A timeout counts a
     * failed sample of {@value MetricNames#WS_DELIVERY} and throws.
     *
     * @throws EventNotReceivedException if no such entry arrives within {@code timeout}
     */
    protected <E> E awaitEvent(Inbox<E> inbox, Predicate<? super E> match, Duration timeout) {
        long start = System.nanoTime();
        Optional<E> entry;
        try {
            entry = state.awaitTake(inbox, match, timeout); // wakes when the entry arrives, ends at the timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recordMiss(start, FailureCause.INTERRUPTED);
            throw new EventNotReceivedException("interrupted while waiting for an entry in '" + inbox.name() + "'",
                    inbox.name());
        }
        if (entry.isEmpty()) {
            recordMiss(start, EventNotReceivedException.cause(inbox.name()));
            throw new EventNotReceivedException("no matching entry in '" + inbox.name() + "' within "
                    + timeout.toMillis() + " ms", inbox.name());
        }
        return entry.get();
    }

    private void recordMiss(long start, String cause) {
        UserContext user = UserContext.get();
        if (user != null) {
            user.metrics().metric(deliveryMetric, MetricKind.MESSAGE).recordEnded(start, cause, null);
        }
    }

    /** Marks that something this user sends now, identified by {@code correlationId}, should reach other users. */
    protected static void deliverySent(String correlationId) {
        UserContext user = UserContext.get();
        if (user != null) {
            user.metrics().deliverySent(correlationId);
        }
    }

    /**
     * Marks the arrival at this user of what another user sent under {@code correlationId}: one sample of
     * {@value MetricNames#WS_DELIVERY}. Call it from {@link #onMessage}.
     */
    protected void deliveryArrived(String correlationId) {
        MetricRegistry registry = metrics;
        if (registry != null) {
            registry.deliveryArrived(correlationId, deliveryMetric);
        }
    }

    /** Closes the WebSocket; the harness calls it when the user ends, however it ends. */
    @Override
    public void close() {
        disconnect();
    }
}
