package dev.horde.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SegmentTests {

    private static final List<List<PlannedStage>> CLOSED_PLANS = List.of(
            LoadPlan.ramp(1, Duration.ofSeconds(10), Duration.ZERO),
            LoadPlan.ramp(7, Duration.ofSeconds(10), Duration.ofSeconds(3)),
            LoadPlan.ramp(100, Duration.ofSeconds(60), Duration.ofSeconds(20)),
            List.of(new PlannedStage(Duration.ofSeconds(10), 50), new PlannedStage(Duration.ofSeconds(20), 50),
                    new PlannedStage(Duration.ofSeconds(10), 13), new PlannedStage(Duration.ZERO, 90),
                    new PlannedStage(Duration.ofSeconds(15), 0)));

    private static final List<List<PlannedStage>> OPEN_PLANS = List.of(
            LoadPlan.ramp(3, Duration.ofSeconds(10), Duration.ZERO),
            LoadPlan.ramp(200, Duration.ofSeconds(20), Duration.ofSeconds(5)),
            List.of(new PlannedStage(Duration.ofSeconds(5), 40), new PlannedStage(Duration.ofSeconds(10), 40),
                    new PlannedStage(Duration.ofSeconds(5), 7.5), new PlannedStage(Duration.ofSeconds(3), 0)));

    @Test
    void theUsersOfAllSegmentsAreEveryUserOnceAndAsEvenAsCanBe() {
        for (int users : new int[] {1, 2, 7, 8, 9, 100, 1_001}) {
            for (int count = 1; count <= 8; count++) {
                Set<Integer> seen = new HashSet<>();
                List<Integer> shares = new ArrayList<>();
                for (int index = 1; index <= count; index++) {
                    int[] mine = new Segment(index, count).users(users, LoadModel.CLOSED);
                    shares.add(mine.length);
                    for (int user : mine) {
                        assertThat(seen.add(user)).as("user %d in two segments of %d", user, count).isTrue();
                    }
                }
                assertThat(seen).as("%d users in %d segments", users, count)
                        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, users).boxed().toList());
                assertThat(shares.stream().mapToInt(Integer::intValue).max().orElseThrow()
                        - shares.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void atEveryMomentOfAClosedPlanTheSegmentsActiveUsersAddUpToThePlans() {
        for (List<PlannedStage> stages : CLOSED_PLANS) {
            LoadShape shape = new LoadShape(stages);
            int users = (int) stages.stream().mapToDouble(PlannedStage::target).max().orElseThrow();
            for (int count = 1; count <= 8; count++) {
                for (long at = 0; at < shape.lengthNanos(); at += 250_000_000L) {
                    int whole = active(shape, IntStream.range(0, users).toArray(), at);
                    int sum = 0;
                    int most = 0;
                    int fewest = Integer.MAX_VALUE;
                    for (int index = 1; index <= count; index++) {
                        int mine = active(shape, new Segment(index, count).users(users, LoadModel.CLOSED), at);
                        sum += mine;
                        most = Math.max(most, mine);
                        fewest = Math.min(fewest, mine);
                    }
                    assertThat(sum).as("%d segments at %d ns of %s", count, at, stages).isEqualTo(whole);
                    assertThat(most - fewest).as("balance at %d ns", at).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Test
    void theArrivalsOfAllSegmentsAreThePlansArrivalsOnceEachAndEvenlySpread() {
        for (List<PlannedStage> stages : OPEN_PLANS) {
            LoadShape shape = new LoadShape(stages);
            List<Long> whole = arrivals(shape);
            for (int count = 1; count <= 8; count++) {
                List<Long> union = new ArrayList<>();
                long[][] perSecond = new long[count][(int) (shape.lengthNanos() / 1_000_000_000L) + 1];
                for (int index = 1; index <= count; index++) {
                    Segment segment = new Segment(index, count);
                    for (int k = 0; k < whole.size(); k++) {
                        if (segment.owns(k)) {
                            union.add(whole.get(k));
                            perSecond[index - 1][(int) (whole.get(k) / 1_000_000_000L)]++;
                        }
                    }
                }
                assertThat(union).as("%d segments of %s", count, stages).containsExactlyInAnyOrderElementsOf(whole);
                for (int second = 0; second < perSecond[0].length; second++) {
                    long most = 0;
                    long fewest = Long.MAX_VALUE;
                    for (long[] segment : perSecond) {
                        most = Math.max(most, segment[second]);
                        fewest = Math.min(fewest, segment[second]);
                    }
                    assertThat(most - fewest).as("second %d of %d segments", second, count).isLessThanOrEqualTo(2);
                }
            }
        }
    }

    @Test
    void anOpenModelSegmentAlwaysHasAUserOfItsOwnToRunItsArrivals() {
        for (int pool = 1; pool <= 10; pool++) {
            for (int count = 1; count <= 8; count++) {
                Set<Integer> seen = new HashSet<>();
                int total = 0;
                for (int index = 1; index <= count; index++) {
                    int[] mine = new Segment(index, count).users(pool, LoadModel.OPEN);
                    assertThat(mine).isNotEmpty();
                    total += mine.length;
                    for (int user : mine) {
                        assertThat(seen.add(user)).isTrue();
                    }
                }
                assertThat(total).isEqualTo(Math.max(pool, count));
            }
        }
    }

    @Test
    void segmentsAreReadAsIndexOfCount() {
        assertThat(Segment.parse("2/8")).contains(new Segment(2, 8));
        assertThat(Segment.parse(" 1 / 1 ")).contains(Segment.WHOLE);
        assertThat(Segment.parse("0/8")).isEmpty();
        assertThat(Segment.parse("9/8")).isEmpty();
        assertThat(Segment.parse("2")).isEmpty();
        assertThat(new Segment(3, 4).directoryName()).isEqualTo("segment-3-of-4");
    }

    private static int active(LoadShape shape, int[] users, long at) {
        int active = 0;
        for (int user : users) {
            for (long[] window : shape.activeWindows(user)) {
                if (at >= window[0] && at < window[1]) {
                    active++;
                }
            }
        }
        return active;
    }

    private static List<Long> arrivals(LoadShape shape) {
        List<Long> times = new ArrayList<>();
        LoadShape.ArrivalTimes arrivals = shape.arrivalTimes();
        for (long at = arrivals.next(); at >= 0; at = arrivals.next()) {
            times.add(at);
        }
        return times;
    }
}
