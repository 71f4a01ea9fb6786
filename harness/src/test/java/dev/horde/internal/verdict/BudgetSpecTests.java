package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetSpecTests {

    @Test
    void everyBudgetReadsBackAsTheSameBudget() {
        List<Budget> budgets = List.of(new LatencyLimit("GET /a", Statistic.P999, Duration.ofNanos(1_500_001)),
                new LatencyLimit("", Statistic.MEAN, Duration.ofMillis(20)),
                new ErrorRateLimit("*", 0.015),
                new ThroughputLimit("iteration", 12.5, "25/s × horde.users.factor=0.5"),
                new SomethingSucceeds());
        for (Budget budget : budgets) {
            assertThat(BudgetSpec.parse(BudgetSpec.of(budget), null)).contains(budget);
        }
    }

    @Test
    void aBudgetOverWindowsKeepsItsWindowAndARegressionLimitNeedsItsBaseline() {
        WindowedBudget windowed = new WindowedBudget(new LatencyLimit("GET /a", Statistic.P95, Duration.ofMillis(5)),
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        Budget read = BudgetSpec.parse(BudgetSpec.of(windowed), null).orElseThrow();
        assertThat(read).isInstanceOfSatisfying(WindowedBudget.class, back -> {
            assertThat(back.budget()).isEqualTo(windowed.budget());
            assertThat(back.window()).isEqualTo(Duration.ofSeconds(30));
            assertThat(back.interval()).isEqualTo(Duration.ofSeconds(1));
        });

        Map<String, String> regression = BudgetSpec.of(new RegressionLimit("GET /a", null, 0.05, Duration.ofMillis(1),
                null));
        assertThat(regression).containsEntry("type", "regression").containsEntry("statistic", "");
        assertThat(BudgetSpec.parse(regression, null)).as("nothing to compare with").isEmpty();
        assertThatThrownBy(() -> BudgetSpec.parse(Map.of("type", "vibes"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a budget");
    }
}
