package dev.horde.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.testing.Fixtures;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A plain method-body test times its own blocks, knows its user's number and draws from its seeded generator. */
class VirtualUserTests {

    static final Set<Integer> INDEXES = ConcurrentHashMap.newKeySet();
    static final List<Integer> DRAWS = new CopyOnWriteArrayList<>();

    @TempDir
    Path reports;

    @BeforeEach
    void reset() {
        INDEXES.clear();
        DRAWS.clear();
    }

    @Test
    void aTimedBlockIsRecordedUnderItsNameAndJudgedByItsBudget() {
        EngineExecutionResults results = Fixtures.run(TimesAQuery.class, reports);

        assertThat(Fixtures.failureMessage(results)).contains("\n  p95 of db query was ")
                .contains(", budget 1 ms (n=");
        JsonPath summary = Fixtures.summary(reports, TimesAQuery.class, "query");
        assertThat(summary.getString("metrics['db query'].kind")).isEqualTo("request");
        assertThat(summary.getInt("metrics['db query'].ok")).isEqualTo(6);
        assertThat(summary.getInt("metrics['db query'].failed")).as("user 1's failing block, each iteration").isEqualTo(3);
        assertThat(summary.getInt("metrics['db query'].errors['IllegalStateException: no rows']")).isEqualTo(3);
        assertThat(summary.getInt("metrics['*'].count")).as("a timed block counts among the requests").isEqualTo(9);
    }

    @Test
    void eachUserKnowsItsNumberAndASeededGeneratorThatReplaysWithTheSameSeed() {
        Map<String, String> seeded = Map.of(LoadTest.SEED_PROPERTY_NAME, "42");
        Fixtures.assertPassed(Fixtures.run(Draws.class, reports, seeded));
        List<Integer> first = List.copyOf(DRAWS);
        assertThat(INDEXES).containsExactlyInAnyOrder(0, 1, 2);

        DRAWS.clear();
        Fixtures.assertPassed(Fixtures.run(Draws.class, reports, seeded));

        assertThat(first).hasSize(6);
        assertThat(DRAWS).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void outsideAVirtualUserItSaysWhereToCallIt() {
        assertThatThrownBy(VirtualUser::index).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("VirtualUser.index() was called on thread [")
                .hasMessageEndingWith("which runs no virtual user: call it from a @LoadTest method, a User or a"
                        + " controller step, on the user's own thread");
        assertThat(VirtualUser.time("outside", () -> 42)).as("a block outside a run just runs").isEqualTo(42);
    }

    @Test
    void onlyTheLifecycleAUserWroteIsTimed() {
        Fixtures.assertPassed(Fixtures.run(SetsUpOnly.class, reports));

        JsonPath summary = Fixtures.summary(reports, SetsUpOnly.class, "run");
        assertThat(summary.getMap("metrics")).containsKey("user setup").doesNotContainKey("user teardown");
    }

    static class TimesAQuery {
        @LatencyBudget(metric = "db query", p95 = "1ms")
        @LoadTest(users = 2, iterations = 3, duration = "10s")
        void query() throws InterruptedException {
            int user = VirtualUser.time("db query", () -> {
                Thread.sleep(5);
                return VirtualUser.index();
            });
            if (user == 1) {
                try {
                    VirtualUser.time("db query", () -> {
                        throw new IllegalStateException("no rows");
                    });
                } catch (IllegalStateException expected) {
                    // counted as a failed sample of db query, and the iteration goes on
                }
            }
        }
    }

    static class Draws {
        @LoadTest(users = 3, iterations = 2, duration = "10s")
        void draw() {
            INDEXES.add(VirtualUser.index());
            DRAWS.add(VirtualUser.random().nextInt(1_000_000));
        }
    }

    static class SetsUpOnly {
        public static class Signs implements User {
            @Override
            public void setUp() {
            }
        }

        @LoadTest(users = 1, iterations = 1, duration = "10s")
        void run(Signs user) {
        }
    }
}
