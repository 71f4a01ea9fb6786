package dev.horde.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.horde.Chaos;
import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.user.UserEntity;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 7: the service among bad clients. 20 users sign in, post to town-square, read their post back and ping over
 * their WebSocket, while {@link Chaos} makes them bad clients: every request waits 5–20 ms first, 5% of requests are
 * preceded by a copy abandoned as soon as it is sent, 10% of posts by a copy with a corrupted JSON body, and 20% of
 * WebSocket connections are dropped without a close frame within a second of opening (users reconnect).
 *
 * <p>What chaos did is counted apart ({@code chaos delay}, {@code chaos aborted request}, {@code chaos malformed
 * payload}, {@code chaos dropped websocket}), so the budgets say two things: the users' own requests all succeed
 * and stay fast despite the bad clients around them, and the service rejects every malformed payload with a 4xx
 * (an {@code accepted (HTTP 201)} or {@code HTTP 500} there would break the build).
 */
@ExtendWith(DemoTarget.class)
class BadClientsLoadTest {

    @LoadTest(users = 20, duration = "8s", rampUp = "1s")
    @Chaos(delay = "5ms..20ms", abort = 0.05, malformed = 0.1, dropWebSockets = 0.2)
    @LatencyBudget(metric = "POST /api/posts", p95 = "250ms")
    @LatencyBudget(metric = MetricNames.WS_ROUND_TRIP, p95 = "250ms")
    @ErrorBudget(maxRate = 0)
    @ErrorBudget(metric = MetricNames.WS_ROUND_TRIP, maxRate = 0)
    @ErrorBudget(metric = MetricNames.CHAOS_MALFORMED, maxRate = 0)
    void postAmongBadClients(Poster poster) {
        long id = poster.post();
        poster.read(id);
        poster.ping();
    }

    /** A member of the demo chat on the lean client, with a WebSocket. */
    public static class Poster extends UserEntity {
        private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
        private static final AtomicInteger NUMBERS = new AtomicInteger();

        private final String username = "poster-" + RUN + "-" + NUMBERS.incrementAndGet();
        private final String password = UUID.randomUUID().toString();
        private int pings;

        /** Signs up, signs in and connects the WebSocket. */
        @Override
        public void setUp() {
            Map<String, String> credentials = Map.of("username", username, "password", password);
            api().post("/api/users").json(credentials).expect(201).send();
            signedIn(api().post("/api/users/login").json(credentials).expect(200).send().json().get("token").asText());
            connect(URI.create(api().get("/api/config").expect(200).send().json().get("websocketUrl").asText()));
        }

        long post() {
            JsonNode post = api().post("/api/posts")
                    .json(Map.of("channel", "town-square", "message", "hello from " + username))
                    .expect(201).send().json();
            return post.get("id").asLong();
        }

        void read(long id) {
            api().get("/api/posts/{id}", id).expect(200).send();
        }

        void ping() {
            int seq = ++pings;
            socket().orElseThrow().roundTrip("{\"action\":\"ping\",\"seq\":" + seq + "}",
                    reply -> reply.contains("\"seq\":" + seq));
        }
    }
}
