package dev.horde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.control.SimpleController;
import dev.horde.control.Step;
import dev.horde.control.StochasticController;
import dev.horde.control.UserController;
import dev.horde.internal.engine.UserContext;
import dev.horde.store.MutableUserStore;
import dev.horde.store.Slot;
import dev.horde.store.UserStore;
import dev.horde.testing.Fixtures;
import dev.horde.user.User;
import dev.horde.user.UserEntity;
import io.restassured.path.json.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Controllers drive users instead of the method body; state stays apart from behaviour; runs replay from their seed. */
class ControllerTests {

    static final Map<Integer, List<String>> actionsByUser = new ConcurrentHashMap<>();
    static final List<String> storeObservations = java.util.Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path reports;

    @BeforeEach
    void reset() {
        actionsByUser.clear();
        storeObservations.clear();
    }

    static void record(String action) {
        actionsByUser.computeIfAbsent(UserContext.get().index(), i -> java.util.Collections.synchronizedList(
                new ArrayList<>())).add(action);
    }

    @Test
    void theSimpleControllerRunsItsFirstStepsOnceThenLoops() {
        Fixtures.run(SimpleLoop.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(actionsByUser).hasSize(2).allSatisfy((user, actions) -> assertThat(actions).containsExactly(
                "signup", "login", "post", "logout", "login", "post", "logout", "login"));
        JsonPath summary = Fixtures.summary(reports, SimpleLoop.class, "loop");
        assertThat(summary.getInt("metrics['action login'].count")).isEqualTo(6);
        assertThat(summary.getInt("metrics['action signup'].count")).isEqualTo(2);
        assertThat(summary.getInt("metrics.iteration.count")).isEqualTo(16);
    }

    @Test
    void theStoreAControllerReceivesCannotBeWritten() {
        Fixtures.run(Peeking.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        assertThat(storeObservations).isNotEmpty().allSatisfy(observation ->
                assertThat(observation).isEqualTo("read-only, saw 'written by the entity', write refused"));
    }

    @Test
    void aStochasticRunReplaysFromItsSeed() {
        Map<String, String> seed = Map.of("horde.seed", "20261122");
        Fixtures.run(Mixed.class, reports, seed).testEvents().assertStatistics(stats -> stats.succeeded(1));
        Map<Integer, List<String>> first = new TreeMap<>(actionsByUser);
        assertThat(Fixtures.summary(reports, Mixed.class, "mix").getString("run.seed")).isEqualTo("20261122");

        reset();
        Fixtures.run(Mixed.class, reports, seed);
        Map<Integer, List<String>> replay = new TreeMap<>(actionsByUser);

        reset();
        Fixtures.run(Mixed.class, reports, Map.of("horde.seed", "7"));
        Map<Integer, List<String>> other = new TreeMap<>(actionsByUser);

        assertThat(first).hasSize(3).allSatisfy((user, actions) -> assertThat(actions).hasSize(30));
        assertThat(replay).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.get(0)).as("users draw unrelated sequences").isNotEqualTo(first.get(1));
        assertThat(first.values().stream().flatMap(List::stream)).contains("edit").containsOnly("post", "read", "edit");
    }

    @Test
    void setUpAndTearDownAreTimedApartFromIterations() {
        Fixtures.run(WithLifecycle.class, reports).testEvents().assertStatistics(stats -> stats.succeeded(1));

        JsonPath summary = Fixtures.summary(reports, WithLifecycle.class, "run");
        assertThat(summary.getInt("metrics['user setup'].count")).isEqualTo(3);
        assertThat(summary.getInt("metrics['user teardown'].count")).isEqualTo(3);
        assertThat(summary.getString("metrics['user setup'].kind")).isEqualTo("lifecycle");
        assertThat(summary.getInt("metrics.iteration.count")).isEqualTo(6);
        assertThat(summary.getDouble("metrics['user setup'].p50Ms")).isGreaterThanOrEqualTo(20.0);
    }

    @Test
    void aUserWhoseSetUpFailsNeverIteratesAndTheDefaultErrorBudgetSaysSo() {
        EngineExecutionResults results = Fixtures.run(SetUpFails.class, reports);

        assertThat(Fixtures.failureMessage(results))
                .contains("error rate of user setup was 100.0% (2 of 2), budget 0% — 2 × IllegalStateException: no account")
                .contains("error rate of iteration: no samples");
    }

    // ---- fixtures: run only through the engine above -------------------------------------------------------------

    /** A user that records what it is made to do. */
    public static class RecordingUser extends UserEntity {
        static final Slot<String> NOTE = Slot.of("note", String.class);

        void act(String action) {
            record(action);
            state().put(NOTE, "written by the entity");
        }
    }

    public static class Loop extends SimpleController<RecordingUser> {
        public Loop() {
            super(SimpleController.<RecordingUser>once("signup", u -> u.act("signup"))
                    .repeat("login", u -> u.act("login"))
                    .repeat("post", u -> u.act("post"))
                    .repeat("logout", u -> u.act("logout")));
        }
    }

    static class SimpleLoop {
        @LoadTest(users = 2, duration = "10s", iterations = 8, controller = Loop.class)
        void loop(RecordingUser user) {
            throw new AssertionError("the body does not run under a controller");
        }
    }

    public static class Peek implements UserController<RecordingUser> {
        @Override
        public Step<RecordingUser> next(UserStore store, RandomGenerator random) {
            String observation = store instanceof MutableUserStore ? "writable" : "read-only";
            observation += store.get(RecordingUser.NOTE).map(note -> ", saw '" + note + "'").orElse(", saw nothing");
            try {
                store.all(UserEntity.COOKIES).put("stolen", "cookie");
                observation += ", write accepted";
            } catch (UnsupportedOperationException e) {
                observation += ", write refused";
            }
            if (store.get(RecordingUser.NOTE).isPresent()) {
                storeObservations.add(observation);
            }
            return new Step<>("act", u -> u.act("act"), Duration.ZERO);
        }
    }

    static class Peeking {
        @LoadTest(users = 2, duration = "10s", iterations = 3, controller = Peek.class)
        void peek(RecordingUser user) {
        }
    }

    public static class Mix extends StochasticController<RecordingUser> {
        public Mix() {
            super(StochasticController.<RecordingUser>mix()
                    .action("post", 50, u -> u.act("post"))
                    .action("read", 40, u -> u.act("read"))
                    .action("edit", 10, store -> store.get(RecordingUser.NOTE).isPresent(), u -> u.act("edit")));
        }
    }

    static class Mixed {
        @LoadTest(users = 3, duration = "10s", iterations = 30, controller = Mix.class)
        void mix(RecordingUser user) {
        }
    }

    public static class SlowToStart implements User {
        @Override
        public void setUp() throws InterruptedException {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(20); // stands in for a sign-up
        }

        @Override
        public void tearDown() {
        }
    }

    static class WithLifecycle {
        @LoadTest(users = 3, duration = "10s", iterations = 2)
        void run(SlowToStart user) {
        }
    }

    public static class NoAccount implements User {
        @Override
        public void setUp() {
            throw new IllegalStateException("no account");
        }
    }

    static class SetUpFails {
        @LoadTest(users = 2, duration = "10s", iterations = 2)
        @ErrorBudget(maxRate = 0)
        void run(NoAccount user) {
        }
    }
}
