package dev.horde.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadShapeTests {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRampStartsUsersEvenlyAndKeepsThemToTheEnd() {
        LoadShape shape = new LoadShape(LoadPlan.ramp(4, Duration.ofSeconds(10), Duration.ofSeconds(4)));

        assertThat(shape.activeWindows(0)).containsExactly(new long[] {0, 10 * SECOND});
        assertThat(shape.activeWindows(1)).containsExactly(new long[] {SECOND, 10 * SECOND});
        assertThat(shape.activeWindows(3)).containsExactly(new long[] {3 * SECOND, 10 * SECOND});
        assertThat(shape.activeWindows(4)).isEmpty();
    }

    @Test
    void theLevelFollowsTheLineThroughTheStages() {
        LoadShape shape = new LoadShape(List.of(new PlannedStage(Duration.ofSeconds(10), 100),
                new PlannedStage(Duration.ofSeconds(20), 100), new PlannedStage(Duration.ofSeconds(10), 0)));

        assertThat(shape.levelAt(0)).isZero();
        assertThat(shape.levelAt(5 * SECOND)).isEqualTo(50);
        assertThat(shape.levelAt(15 * SECOND)).isEqualTo(100);
        assertThat(shape.levelAt(35 * SECOND)).isEqualTo(50);
        assertThat(shape.levelAt(45 * SECOND)).as("after the end").isZero();
        assertThat(new LoadShape(LoadPlan.ramp(3, Duration.ofSeconds(5), Duration.ZERO)).levelAt(0))
                .as("no ramp: the whole level at once").isEqualTo(3);
    }

    @Test
    void withoutRampEveryUserStartsAtOnce() {
        LoadShape shape = new LoadShape(LoadPlan.ramp(3, Duration.ofSeconds(5), Duration.ZERO));

        assertThat(shape.activeWindows(2)).containsExactly(new long[] {0, 5 * SECOND});
    }

    @Test
    void rampUpHoldRampDownLetsTheHighestUsersLeaveFirst() {
        LoadShape shape = new LoadShape(List.of(new PlannedStage(Duration.ofSeconds(10), 10),
                new PlannedStage(Duration.ofSeconds(20), 10), new PlannedStage(Duration.ofSeconds(10), 0)));

        assertThat(shape.lengthNanos()).isEqualTo(40 * SECOND);
        assertThat(shape.activeWindows(0)).containsExactly(new long[] {0, 40 * SECOND});
        assertThat(shape.activeWindows(9)).containsExactly(new long[] {9 * SECOND, 31 * SECOND});
        assertThat(shape.activeWindows(4)).containsExactly(new long[] {4 * SECOND, 36 * SECOND});
    }

    @Test
    void aUserCanLeaveAndComeBack() {
        LoadShape shape = new LoadShape(List.of(new PlannedStage(Duration.ZERO, 2), new PlannedStage(Duration.ofSeconds(2), 2),
                new PlannedStage(Duration.ZERO, 1), new PlannedStage(Duration.ofSeconds(2), 1), new PlannedStage(Duration.ZERO, 2),
                new PlannedStage(Duration.ofSeconds(2), 2)));

        assertThat(shape.activeWindows(1)).containsExactly(new long[] {0, 2 * SECOND}, new long[] {4 * SECOND, 6 * SECOND});
        assertThat(shape.activeWindows(0)).containsExactly(new long[] {0, 6 * SECOND});
    }

    @Test
    void aConstantRateArrivesEvenlyFromTheStart() {
        LoadShape shape = new LoadShape(LoadPlan.ramp(200, Duration.ofSeconds(10), Duration.ZERO));

        List<Long> times = arrivals(shape);

        assertThat(times).hasSize(2_000);
        assertThat(times.get(0)).isZero();
        assertThat(times.get(1)).isEqualTo(5_000_000L);
        assertThat(times.get(1_999)).isEqualTo(9_995_000_000L);
    }

    @Test
    void aRampingRateArrivesAsTheAreaUnderItsLine() {
        LoadShape shape = new LoadShape(List.of(new PlannedStage(Duration.ofSeconds(10), 100), new PlannedStage(Duration.ofSeconds(10), 100),
                new PlannedStage(Duration.ofSeconds(10), 0)));

        List<Long> times = arrivals(shape);

        assertThat(times).hasSize(2_000).isSorted();
        assertThat(times.stream().filter(t -> t < 10 * SECOND).count()).isEqualTo(500);
        assertThat(times.stream().filter(t -> t < 5 * SECOND).count()).isEqualTo(125); // a quarter of the ramp's area
        assertThat(times.stream().filter(t -> t >= 20 * SECOND).count()).isEqualTo(500);
    }

    private static List<Long> arrivals(LoadShape shape) {
        List<Long> times = new ArrayList<>();
        LoadShape.ArrivalTimes arrivals = shape.arrivalTimes();
        for (long t = arrivals.next(); t >= 0; t = arrivals.next()) {
            times.add(t);
        }
        return times;
    }
}
