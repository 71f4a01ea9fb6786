package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.testing.Fixtures;
import dev.horde.testing.TestServer;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.containers.GenericContainer;

/**
 * {@link LoadTarget}: the target from a member of the test's class, read when the test starts, and every value that
 * cannot be one refused before any user starts. Containers that run are in {@code ContainerTargetTests}.
 */
class LoadTargetTests {

    private TestServer main;
    private TestServer auth;

    @TempDir
    Path reports;

    @BeforeEach
    void start() throws IOException {
        main = TestServer.start();
        auth = TestServer.start();
    }

    @AfterEach
    void stop() {
        main.close();
        auth.close();
    }

    @Test
    void aStaticFieldAndAMethodGiveTheDefaultAndANamedTarget() {
        FromMembers.main = main.baseUri();
        FromMembers.auth = URI.create(auth.baseUri());

        Fixtures.assertPassed(Fixtures.run(FromMembers.class, reports));

        JsonPath summary = Fixtures.summary(reports, FromMembers.class, "both");
        long iterations = summary.getLong("metrics.iteration.count");
        assertThat(main.requests("/ok")).isEqualTo(iterations).isPositive();
        assertThat(auth.requests("/ok")).isEqualTo(iterations);
        assertThat(summary.getLong("metrics['auth: GET /ok'].count")).isEqualTo(iterations);
        assertThat(summary.getString("plan.targets.auth")).isEqualTo(auth.baseUri());
    }

    @Test
    void anInstanceFieldOfANestedClassIsReadFromItsInstance() {
        Outer.Inner.url = main.baseUri();
        FromMembers.auth = URI.create(auth.baseUri());

        Fixtures.assertPassed(Fixtures.run(Outer.Inner.class, reports));

        assertThat(main.requests("/ok")).isPositive();
    }

    @Test
    void aNullTargetFailsBeforeAnyUserStarts() {
        FromMembers.main = null;
        FromMembers.auth = URI.create(auth.baseUri());

        assertThat(Fixtures.failureMessage(Fixtures.run(FromMembers.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on field [FromMembers.main] is null when the load test starts: assign it (a container,"
                + " URI, URL or String) before, in a static initializer or @BeforeAll.");
        assertThat(auth.requests("/")).isZero();
    }

    @Test
    void aValueThatIsNotAnHttpUrlIsRefusedWithSecretsMasked() {
        FromMembers.main = "ftp://user:secret@127.0.0.1/";
        FromMembers.auth = URI.create(auth.baseUri());

        String message = Fixtures.failureMessage(Fixtures.run(FromMembers.class, reports));

        assertThat(message).startsWith("Configuration error: @LoadTarget on field [FromMembers.main] gives [ftp://")
                .contains("which is not an absolute http or https URL such as http://127.0.0.1:8080")
                .doesNotContain("secret");
    }

    @Test
    void aValueOfAnotherTypeNamesTheTypesAllowed() {
        assertThat(Fixtures.failureMessage(Fixtures.run(WrongType.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on field [WrongType.port] is a java.lang.Integer: a load target is a Testcontainers"
                + " container, a URI, a URL or a String such as http://127.0.0.1:8080.");
    }

    @Test
    void twoTargetsOfOneNameAreRefused() {
        assertThat(Fixtures.failureMessage(Fixtures.run(TwoDefaults.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on method [TwoDefaults.second] and @LoadTarget on field [TwoDefaults.first] both give"
                + " the default target; a test has one of each name: name the others, e.g."
                + " @LoadTarget(name = \"auth\").");
    }

    @Test
    void aPortIsOnlyForContainers() {
        assertThat(Fixtures.failureMessage(Fixtures.run(PortOnUrl.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on field [PortOnUrl.url] has 'port' [8080], which only a container target takes; the"
                + " value is a String: put the port in its URL.");
    }

    @Test
    void aContainerThatIsNotRunningFailsBeforeAnyUserStarts() {
        assertThat(Fixtures.failureMessage(Fixtures.run(NotStarted.class, reports))).isEqualTo("Configuration error:"
                + " @LoadTarget on field [NotStarted.service] is a container that is not running (GenericContainer):"
                + " start it before the load test, with Testcontainers' @Testcontainers and @Container, in @BeforeAll,"
                + " or in a static initializer.");
    }

    @Test
    void aResourceBudgetNeedsAContainerTarget() {
        FromMembers.main = main.baseUri();
        assertThat(Fixtures.failureMessage(Fixtures.run(BudgetWithoutContainer.class, reports))).isEqualTo(
                "Configuration error: @TargetResourceBudget on method [get()] is for the default target, which is not"
                        + " a container: give it with @LoadTarget on a Testcontainers container; container targets:"
                        + " none.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            BadMemory    | 'memory' [lots], which must be bytes with a unit such as 512MB, 1.5GiB or 800KB (1 MB = 1024 KB), or empty for no limit.
            BadCpu       | 'cpu' [50%], which must be a number of cores such as 1.5, or empty for no limit.
            BadThrottled | 'throttled' [0.5], which must be a percentage such as 5%, or empty for no limit.
            """)
    void aResourceLimitThatCannotBeReadNamesTheAttributeAndWhatIsAllowed(String fixture, String problem)
            throws ClassNotFoundException {
        FromMembers.main = main.baseUri();
        Class<?> type = Class.forName(LoadTargetTests.class.getName() + "$" + fixture);

        assertThat(Fixtures.failureMessage(Fixtures.run(type, reports))).isEqualTo("Configuration error:"
                + " @TargetResourceBudget on method [get()] has " + problem);
    }

    /** A member of two services. */
    public static class Member extends UserEntity {
        void visit() {
            api().get("/ok").send();
            api("auth").get("/ok").send();
        }
    }

    static class FromMembers {
        @LoadTarget
        static String main;

        static URI auth;

        @LoadTarget(name = "auth")
        static URI auth() {
            return auth;
        }

        @LoadTest(users = 2, duration = "1s")
        void both(Member member) throws InterruptedException {
            member.visit();
            Thread.sleep(5);
        }
    }

    static class Outer {
        @Nested
        class Inner {
            static String url;

            @LoadTarget
            final String target = url;

            @LoadTarget(name = "auth")
            URI auth() {
                return FromMembers.auth;
            }

            @LoadTest(users = 1, duration = "1s")
            void get(Member member) throws InterruptedException {
                member.visit();
                Thread.sleep(5);
            }
        }
    }

    static class WrongType {
        @LoadTarget
        static Integer port = 8080;

        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class TwoDefaults {
        @LoadTarget
        static String first = "http://127.0.0.1:1";

        @LoadTarget
        static String second() {
            return "http://127.0.0.1:2";
        }

        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class PortOnUrl {
        @LoadTarget(port = 8080)
        static String url = "http://127.0.0.1:8080";

        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class NotStarted {
        @LoadTarget(port = 8080)
        static GenericContainer<?> service = new GenericContainer<>("horde-local/jre:17").withExposedPorts(8080);

        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class BadMemory {
        @LoadTarget
        static String url() {
            return FromMembers.main;
        }

        @TargetResourceBudget(memory = "lots")
        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class BadCpu extends BadMemory {
        @Override
        @TargetResourceBudget(cpu = "50%")
        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class BadThrottled extends BadMemory {
        @Override
        @TargetResourceBudget(throttled = "0.5")
        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }

    static class BudgetWithoutContainer {
        @LoadTarget
        static String url() {
            return FromMembers.main;
        }

        @TargetResourceBudget(memory = "512MB")
        @LoadTest(users = 1, duration = "1s")
        void get() {
        }
    }
}
