package dev.horde.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.LoadShape;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.plan.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Runs every segment of a plan at once, as separate JVMs would, and adds up what they ran. */
@Tag("engine") // Horde's own engine only: left out of the oldest-supported build
class SegmentRunTests {

    @Test
    void theSegmentsOfAnOpenPlanReleaseEveryArrivalOfThePlanOnce() {
        List<PlannedStage> stages = List.of(new PlannedStage(Duration.ofMillis(500), 300),
                new PlannedStage(Duration.ofMillis(700), 300));
        long planned = arrivals(new LoadShape(stages));
        for (int count : new int[] {1, 3, 8}) {
            List<RunOutcome> outcomes = runAll(count, segment -> LoadPlan.builder("segments").users(4)
                    .duration(Duration.ofMillis(1_200)).stages(LoadModel.OPEN, stages, true)
                    .grace(Duration.ofMillis(500)).seed(7).segment(segment, null).build(), new ConcurrentHashMap<>());
            long due = outcomes.stream().mapToLong(o -> o.schedule().due()).sum();
            long ran = outcomes.stream().mapToLong(o -> o.metrics().iteration().count()).sum();
            assertThat(due).as("arrivals due in %d segments", count).isEqualTo(planned);
            assertThat(ran + outcomes.stream().mapToLong(o -> o.schedule().dropped()).sum()).isEqualTo(planned);
            assertThat(outcomes).allSatisfy(o -> assertThat(o.schedule().due()).isBetween(planned / count - 1,
                    planned / count + 1));
        }
    }

    @Test
    void theSegmentsOfAClosedPlanRunEveryUserOnceUnderItsOwnNumber() {
        for (int count : new int[] {1, 3, 8}) {
            Map<Integer, Integer> ranBy = new ConcurrentHashMap<>();
            List<RunOutcome> outcomes = runAll(count, segment -> LoadPlan.builder("segments").users(10)
                    .duration(Duration.ofMillis(600)).rampUp(Duration.ofMillis(200)).iterations(2)
                    .grace(Duration.ofMillis(500)).seed(7).segment(segment, null).build(), ranBy);
            assertThat(ranBy).as("users of %d segments", count).hasSize(10);
            ranBy.forEach((user, segment) -> assertThat(new Segment(segment, count).owns(user)).isTrue());
            assertThat(outcomes.stream().mapToInt(RunOutcome::usersPlanned).sum()).isEqualTo(10);
            assertThat(outcomes.stream().mapToLong(o -> o.metrics().iteration().count()).sum()).isEqualTo(20);
        }
    }

    private static List<RunOutcome> runAll(int count, Function<Segment, LoadPlan> plans,
            Map<Integer, Integer> ranBy) {
        List<CompletableFuture<RunOutcome>> runs = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            int segment = index;
            LoadPlan plan = plans.apply(new Segment(index, count));
            runs.add(CompletableFuture.supplyAsync(() -> new LoadRun(plan, (user, random) -> {
                ranBy.put(user, segment);
                return UserScript.of(() -> TimeUnit.MILLISECONDS.sleep(1));
            }).execute()));
        }
        return runs.stream().map(run -> run.orTimeout(30, TimeUnit.SECONDS).join()).toList();
    }

    private static long arrivals(LoadShape shape) {
        long count = 0;
        LoadShape.ArrivalTimes times = shape.arrivalTimes();
        while (times.next() >= 0) {
            count++;
        }
        return count;
    }
}
