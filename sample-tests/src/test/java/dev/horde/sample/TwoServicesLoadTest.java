package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.demo.DemoServer;
import dev.horde.user.UserEntity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Sample 9: two services in one scenario. Members sign up and log in at an identity service ({@code auth}) and read
 * posts at a content service ({@code content}), two instances of the demo. Each is reached by name,
 * {@code api("auth")} and {@code api("content")}, its metrics carry its name, and each has its own budget. The
 * services are {@code horde.target.auth} and {@code horde.target.content}; unless given, the sample starts both.
 */
@ExtendWith(TwoServicesLoadTest.TwoDemos.class)
class TwoServicesLoadTest {

    @LoadTest(users = 10, duration = "10s", rampUp = "2s", warmUp = "2s")
    @LatencyBudget(metric = "auth: POST /api/users/login", p95 = "250ms")
    @LatencyBudget(metric = "content: GET /api/posts/{id}", p95 = "100ms")
    @ErrorBudget(maxRate = 0)
    void logInAndRead(Member member) throws InterruptedException {
        member.logIn();
        for (int post = 1; post <= 3; post++) {
            member.read(post);
        }
        Thread.sleep(50);
    }

    /** A member with an account at the identity service, reading at the content service. */
    public static class Member extends UserEntity {
        private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
        private static final AtomicInteger NUMBERS = new AtomicInteger();

        private final Map<String, String> credentials = Map.of("username",
                "member-" + RUN + "-" + NUMBERS.incrementAndGet(), "password", UUID.randomUUID().toString());

        @Override
        public void setUp() {
            api("auth").post("/api/users").json(credentials).expect(201).send();
        }

        void logIn() {
            api("auth").post("/api/users/login").json(credentials).expect(200).send();
        }

        void read(long id) {
            api("content").get("/api/posts/{id}", id).expect(200).send();
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
                    DemoServer demo = start();
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

        private static DemoServer start() {
            try {
                return DemoServer.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException("a demo service did not start", e);
            }
        }
    }
}
