package dev.horde.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.demo.DemoServer;
import dev.horde.store.Inbox;
import dev.horde.user.UserEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sample 9: the chat scenario against two services. Members sign up and log in at an identity service ({@code auth})
 * and post, read and listen over the WebSocket at a content service ({@code content}) that trusts the identity
 * service's sign-ins; both are the demo, the second started with the first as its identity service. Each is reached by
 * name, {@code api("auth")}, {@code api("content")} and {@code connect("content", …)}; its metrics carry its name, and
 * each has its own budgets. The services are {@code horde.target.auth} and {@code horde.target.content}; unless given,
 * the sample starts both.
 */
@ExtendWith(TwoServicesLoadTest.TwoDemos.class)
class TwoServicesLoadTest {

    @LoadTest(users = 10, duration = "10s", rampUp = "2s", warmUp = "2s")
    @LatencyBudget(metric = "auth: POST /api/users/login", p95 = "250ms")
    @LatencyBudget(metric = "content: POST /api/posts", p95 = "250ms")
    @LatencyBudget(metric = "content: GET /api/posts/{id}", p95 = "100ms")
    @LatencyBudget(metric = "content: ws delivery", p95 = "250ms")
    @ErrorBudget(maxRate = 0)
    void logInPostAndRead(Member member) throws InterruptedException {
        member.logIn();
        long post = member.post("hello from " + member.name());
        member.read(post);
        Thread.sleep(50);
    }

    /** A member with an account at the identity service, posting and listening at the content service. */
    public static class Member extends UserEntity {
        static final Inbox<String> POSTED = Inbox.of("posted nonces", String.class);
        private static final ObjectMapper JSON = new ObjectMapper();
        private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
        private static final AtomicInteger NUMBERS = new AtomicInteger();

        private final Map<String, String> credentials = Map.of("username",
                "member-" + RUN + "-" + NUMBERS.incrementAndGet(), "password", UUID.randomUUID().toString());

        @Override
        public void setUp() {
            api("auth").post("/api/users").json(credentials).expect(201).send();
            logIn();
            String websocket = api("content").get("/api/config").expect(200).send().json().get("websocketUrl")
                    .asText();
            connect("content", URI.create(websocket)); // the content service's socket listens on a port of its own
        }

        String name() {
            return credentials.get("username");
        }

        void logIn() {
            signedIn(api("auth").post("/api/users/login").json(credentials).expect(200).send().json().get("token")
                    .asText());
        }

        /** Posts to town-square and waits until the post comes back over the WebSocket; its id. */
        long post(String message) {
            String nonce = UUID.randomUUID().toString();
            deliverySent(nonce); // every member's socket times its delivery from here
            long id = api("content").post("/api/posts")
                    .json(Map.of("channel", "town-square", "message", message, "nonce", nonce))
                    .expect(201).send().json().get("id").asLong();
            awaitEvent(POSTED, nonce::equals, Duration.ofSeconds(5));
            return id;
        }

        void read(long id) {
            api("content").get("/api/posts/{id}", id).expect(200).send();
        }

        @Override
        protected void onMessage(String message) {
            JsonNode event;
            try {
                event = JSON.readTree(message);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("not a chat event: " + message, e);
            }
            String nonce = event.path("data").path("nonce").asText(null);
            if (nonce != null && "posted".equals(event.path("event").asText())) {
                deliveryArrived(nonce); // every member's post, to every member
                if (name().equals(event.path("data").path("author").asText())) {
                    state().add(POSTED, nonce); // its own, which it waits for
                }
            }
        }
    }

    /**
     * Starts two demos as {@code horde.target.auth} and {@code horde.target.content} for the class's tests, unless
     * they are given; stops them after.
     */
    static final class TwoDemos implements BeforeAllCallback, AfterAllCallback {
        private static final String[] NAMES = {"auth", "content"};
        private final Map<String, DemoServer> started = new java.util.HashMap<>();

        @Override
        public void beforeAll(ExtensionContext context) {
            for (String name : NAMES) {
                if (System.getProperty(LoadTest.TARGET_PROPERTY_NAME + "." + name) == null) {
                    // the content service trusts the sign-ins of the identity service
                    String identity = name.equals("content") ? System.getProperty(LoadTest.TARGET_PROPERTY_NAME
                            + ".auth") : null;
                    DemoServer demo = start(identity);
                    started.put(name, demo);
                    System.setProperty(LoadTest.TARGET_PROPERTY_NAME + "." + name, demo.baseUri());
                }
            }
        }

        @Override
        public void afterAll(ExtensionContext context) {
            started.forEach((name, demo) -> {
                System.clearProperty(LoadTest.TARGET_PROPERTY_NAME + "." + name);
                demo.close();
            });
            started.clear();
        }

        private static DemoServer start(String identity) {
            try {
                return DemoServer.start(0, identity == null ? null : URI.create(identity));
            } catch (IOException e) {
                throw new UncheckedIOException("a demo service did not start", e);
            }
        }
    }
}
