package dev.horde.internal.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.Stage;
import dev.horde.ThroughputBudget;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.plan.Segment;
import dev.horde.internal.verdict.ThroughputLimit;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How annotations and the {@code horde.*} overrides become a plan, and how the plan says what it changed. */
class PlanReaderTests {

    @Test
    void anOpenModelTestWithoutUsersGetsAPoolForTwoSecondsOfArrivalsAndSaysSo() {
        LoadPlan plan = read("rateWithoutUsers", Map.of());

        assertThat(plan.users()).isEqualTo(100);
        assertThat(plan.adjustments()).containsExactly(new Adjustment("users", "not set", "100",
                "a pool for 2s of arrivals at 50/s, at most 10,000; set 'users' to size it"));
        assertThat(plan.describe()).startsWith("50/s, pool of 100 users");
    }

    @Test
    void aClosedModelTestWithoutUsersRunsOneUserAndZeroUsersIsStillAnError() {
        assertThat(read("closedWithoutUsers", Map.of()).users()).isEqualTo(1);
        assertThat(read("closedWithoutUsers", Map.of()).adjustments()).isEmpty();
        assertThatThrownBy(() -> read("zeroUsers", Map.of())).isInstanceOf(LoadTestConfigurationException.class)
                .hasMessageEndingWith("@LoadTest on method [zeroUsers()] must declare 'users' > 0 but was [0].");
    }

    @Test
    void theUsersFactorScalesAnOpenModelTestsRateItsPoolAndItsThroughputBudgets() {
        LoadPlan plan = read("openWithThroughputBudget", Map.of(LoadTest.USERS_FACTOR_PROPERTY_NAME, "0.1"));

        assertThat(plan.users()).isEqualTo(2);
        assertThat(plan.stages()).extracting(PlannedStage::target).containsOnly(10.0);
        assertThat(plan.adjustments()).containsExactly(
                new Adjustment("rate", "100/s", "10/s", "horde.users.factor=0.1"),
                new Adjustment("users", "20", "2", "horde.users.factor=0.1"));
        assertThat(plan.budgets()).contains(new ThroughputLimit("", 8, "80/s × horde.users.factor=0.1"));
    }

    @Test
    void theUsersFactorScalesOpenModelStagesAndAPoolDerivedFromThem() {
        LoadPlan plan = read("openStages", Map.of(LoadTest.USERS_FACTOR_PROPERTY_NAME, "0.5"));

        assertThat(plan.stages()).extracting(PlannedStage::target).containsExactly(50.0, 100.0);
        assertThat(plan.users()).as("2 s of arrivals at the scaled peak").isEqualTo(200);
        assertThat(plan.adjustments()).extracting(Adjustment::toString).containsExactly(
                "peak stage rate 200/s → 100/s (horde.users.factor=0.5)",
                "users not set → 200 (a pool for 2s of arrivals at 100/s, at most 10,000; set 'users' to size it)");
    }

    @Test
    void overriddenDurationsAndUsersAreListedWithWhatChangedThem() {
        LoadPlan plan = read("closedWithoutUsers", Map.of(LoadTest.USERS_PROPERTY_NAME, "10",
                LoadTest.USERS_FACTOR_PROPERTY_NAME, "0.5", LoadTest.DURATION_PROPERTY_NAME, "2s"));

        assertThat(plan.users()).isEqualTo(5);
        assertThat(plan.adjustments()).extracting(Adjustment::toString).containsExactly(
                "duration 1m → 2s (horde.duration=2s)",
                "users not set → 5 (horde.users=10, horde.users.factor=0.5)");
    }

    @Test
    void aKubernetesIndexedJobsIndexPicksTheSegmentAndEverySegmentSharesTheSeed() {
        Map<String, String> parameters = Map.of(LoadTest.SEGMENTS_PROPERTY_NAME, "4",
                LoadTest.START_AT_PROPERTY_NAME, "2026-01-02T10:00:00Z", LoadTest.REPORT_DIR_PROPERTY_NAME, "out");
        LoadPlan second = read("closedWithoutUsers", parameters, Map.of("JOB_COMPLETION_INDEX", "1"));
        LoadPlan fourth = read("closedWithoutUsers", parameters, Map.of("JOB_COMPLETION_INDEX", "3"));

        assertThat(second.segment()).isEqualTo(new Segment(2, 4));
        assertThat(fourth.segment()).isEqualTo(new Segment(4, 4));
        assertThat(second.seed()).as("one seed for every segment").isEqualTo(fourth.seed());
        assertThat(second.reportDirectory()).isEqualTo(Path.of("out", "segment-2-of-4"));
        assertThat(second.junitDirectory()).as("a segment judges nothing").isNull();
        assertThat(second.startAt()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
        assertThat(read("closedWithoutUsers", Map.of(LoadTest.SEGMENT_PROPERTY_NAME, "3/4"), Map.of()).segment())
                .isEqualTo(new Segment(3, 4));
        assertThat(read("closedWithoutUsers", Map.of(), Map.of("JOB_COMPLETION_INDEX", "1")).segment())
                .as("the index alone does not split a test").isEqualTo(Segment.WHOLE);
    }

    private static LoadPlan read(String name, Map<String, String> parameters, Map<String, String> environment) {
        HordeConfiguration configuration = HordeConfiguration.read(key -> Optional.ofNullable(parameters.get(key)),
                environment::get);
        return new PlanReader(configuration, key -> Optional.empty()).read(Fixtures.class, method(name));
    }

    private static LoadPlan read(String name, Map<String, String> parameters) {
        HordeConfiguration configuration = HordeConfiguration.read(key -> Optional.ofNullable(parameters.get(key)));
        Method method = method(name);
        return new PlanReader(configuration, key -> Optional.empty()).read(Fixtures.class, method);
    }

    private static Method method(String name) {
        for (Method method : Fixtures.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    static class Fixtures {
        @LoadTest(rate = "50/s", duration = "10s")
        void rateWithoutUsers() {
        }

        @LoadTest(duration = "1m")
        void closedWithoutUsers() {
        }

        @LoadTest(users = 0, duration = "1m")
        void zeroUsers() {
        }

        @ThroughputBudget(min = 80)
        @LoadTest(rate = "100/s", users = 20, duration = "10s")
        void openWithThroughputBudget() {
        }

        @Stage(duration = "10s", rate = "100/s")
        @Stage(duration = "10s", rate = "200/s")
        @LoadTest
        void openStages() {
        }
    }
}
