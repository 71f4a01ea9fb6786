package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.Stage;
import dev.horde.ThroughputBudget;
import dev.horde.user.UserEntity;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 6: load that does not wait for the service. Readers arrive at a rate (the open model) that ramps to 100 a
 * second, holds, and ramps down; a pool of 50 users runs the arriving iterations. If the service slows down,
 * arrivals queue for a free user and their {@code iteration} time counts from when they should have started, so the
 * slowdown shows in the percentiles instead of quietly lowering the load (coordinated omission). A run whose
 * iterations start late beyond 1% did not apply its load: its broken budgets are inconclusive, the test skipped. Requests go through the lean client
 * ({@link UserEntity#api()}), which costs a fraction of REST Assured's CPU per request.
 *
 * <p>The second test paces a closed model: 10 users start an iteration every 200 ms each, 50 a second in all.
 */
@ExtendWith(DemoTarget.class)
class ArrivalRateLoadTest {

    @LoadTest(users = 50, warmUp = "1s")
    @Stage(duration = "2s", rate = "100/s")
    @Stage(duration = "6s", rate = "100/s")
    @Stage(duration = "2s", rate = "0/s")
    @LatencyBudget(metric = MetricNames.ITERATION, p99 = "500ms")
    @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "100ms")
    @ErrorBudget(maxRate = 0)
    @ThroughputBudget(metric = MetricNames.ITERATION, min = 50)
    void readersArrive(Reader reader) {
        reader.readPost(1);
    }

    @LoadTest(users = 10, pacing = "200ms", duration = "8s", rampUp = "1s")
    @LatencyBudget(metric = MetricNames.ITERATION, p99 = "500ms")
    @ErrorBudget(maxRate = 0)
    void pacedReaders(Reader reader) {
        reader.readPost(1);
    }

    /** A reader of the demo service, on the lean client. */
    public static class Reader extends UserEntity {

        void readPost(long id) {
            String channel = api().get("/api/posts/{id}", id).expect(200).send().json().get("channel").asText();
            if (!channel.equals("town-square")) {
                throw new AssertionError("post " + id + " is in channel " + channel);
            }
        }
    }
}
