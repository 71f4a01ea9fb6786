package dev.horde;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several services in one test: {@code horde.target.<name>} names them, users reach each by name, each metric carries
 * its service's name, and budgets name them the same way.
 */
class NamedTargetTests {

    private TestServer main;
    private TestServer auth;
    private TestServer chat;

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        main = TestServer.start();
        auth = TestServer.start();
        chat = TestServer.start();
        System.setProperty("horde.target.auth", auth.baseUri());
        System.setProperty("horde.target.chat", chat.baseUri());
    }

    @AfterEach
    void stop() {
        System.clearProperty("horde.target.auth");
        System.clearProperty("horde.target.chat");
        main.close();
        auth.close();
        chat.close();
    }

    @Test
    void eachServiceHasItsOwnMetricsWithBothClientsAndItsOwnBudgets() {
        Fixtures.assertPassed(Fixtures.run(TwoServices.class, reports, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                main.baseUri())));

        JsonPath summary = Fixtures.summary(reports, TwoServices.class, "both");
        long iterations = summary.getLong("metrics.iteration.count");
        assertThat(summary.getLong("metrics['auth: GET /ok'].count")).as("lean client").isEqualTo(iterations);
        assertThat(summary.getLong("metrics['chat: GET /ok'].count")).as("lean client").isEqualTo(iterations);
        assertThat(summary.getLong("metrics['chat: GET /items/{id}'].count")).as("REST Assured").isEqualTo(iterations);
        assertThat(summary.getLong("metrics['GET /ok'].count")).as("the default target, unnamed").isEqualTo(iterations);
        assertThat(auth.requests("/ok")).isEqualTo(iterations);
        assertThat(main.requests("/ok")).isEqualTo(iterations);
        assertThat(chat.requests("/ok")).isEqualTo(iterations);
        assertThat(chat.requests("/items/")).isEqualTo(iterations);
        assertThat(summary.getString("plan.targets.auth")).isEqualTo(auth.baseUri());
        assertThat(summary.getString("budgets[0].description")).isEqualTo("p95 of chat: GET /ok <= 250 ms");
        assertThat(summary.getDouble("budgets[0].measured")).isPositive();
    }

    @Test
    void requestsToTheDefaultTargetCarryItsNameWhenItIsAlsoANamedOne() {
        Fixtures.assertPassed(Fixtures.run(TwoServices.class, reports, Map.of(LoadTest.TARGET_PROPERTY_NAME,
                auth.baseUri())));

        JsonPath summary = Fixtures.summary(reports, TwoServices.class, "both");
        assertThat(summary.getLong("metrics['auth: GET /ok'].count"))
                .isEqualTo(2 * summary.getLong("metrics.iteration.count"));
        assertThat(summary.getMap("metrics")).doesNotContainKey("GET /ok");
    }

    @Test
    void aBudgetOnAnUnknownServiceFailsBeforeAnyUserStartsNamingTheConfiguredOnes() {
        String message = Fixtures.failureMessage(Fixtures.run(UnknownInBudget.class, reports));

        assertThat(message).isEqualTo("Configuration error: @LatencyBudget(metric = \"mail: GET /ok\") on method"
                + " [get()] names the target [mail], which is not configured: set horde.target.mail=http://host:port"
                + " (-D or junit-platform.properties); configured targets: auth (horde.target.auth), chat"
                + " (horde.target.chat).");
        assertThat(auth.requests("/") + chat.requests("/")).as("no user started").isZero();
    }

    @Test
    void aUserAskingForAnUnknownServiceFailsSayingWhichAreConfigured() {
        String message = Fixtures.failureMessage(Fixtures.run(UnknownInUser.class, reports));

        assertThat(message).contains("iteration: IllegalStateException: no target named 'mail': configure"
                + " horde.target.mail=http://host:port (-D or junit-platform.properties); configured targ");
    }

    @Test
    void aNamedTargetThatIsNotAUrlFailsBeforeAnyUserStarts() {
        System.setProperty("horde.target.chat", "chat:8080");

        String message = Fixtures.failureMessage(Fixtures.run(UnknownInBudget.class, reports));

        assertThat(message).isEqualTo("Configuration error: configuration parameter 'horde.target.chat' must be an"
                + " absolute http or https URL, e.g. http://127.0.0.1:8081, but was [chat:8080].");
    }

    /** A member of two services. */
    public static class Member extends UserEntity {
        void visit() {
            api("auth").get("/ok").send();
            api("chat").get("/ok").send();
            api().get("/ok").send();
            given().baseUri(target("chat").toString()).get("/items/{id}", 7).then().statusCode(200);
        }
    }

    static class TwoServices {
        @LatencyBudget(metric = "chat: GET /ok", p95 = "250ms")
        @LoadTest(users = 2, duration = "1s")
        void both(Member member) throws InterruptedException {
            member.visit();
            Thread.sleep(5);
        }
    }

    static class UnknownInBudget {
        @LatencyBudget(metric = "mail: GET /ok", p95 = "250ms")
        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class UnknownInUser {
        public static class Mailer extends UserEntity {
            void send() {
                api("mail").post("/send").send();
            }
        }

        @LoadTest(users = 1, duration = "1s")
        void get(Mailer mailer) {
            mailer.send();
        }
    }
}
