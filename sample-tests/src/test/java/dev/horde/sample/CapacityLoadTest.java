package dev.horde.sample;

import dev.horde.CapacityTest;
import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 11: how much can the demo take? A capacity search raises the arrival rate of readers from 400 to 2,400 a
 * second by 400, run by a pool of 500 users, holds each step 3 s, judges the latency and error budgets on each step
 * after 1 s of settling, and reports the highest rate that held them all, with latency and throughput against load.
 * The demo runs in this JVM and shares its cores: on a small machine the search may end because the load generator
 * was the limit, which it reports as inconclusive beyond the last step that held, not as the demo's capacity. The
 * timeout also caps the generator's warm-up at a quarter of it.
 */
@ExtendWith(DemoTarget.class)
class CapacityLoadTest {

    @CapacityTest(start = "400/s", step = "400/s", ceiling = "2400/s", hold = "3s", settle = "1s", users = 500)
    @LatencyBudget(metric = "GET /api/posts/{id}", p95 = "25ms")
    @ErrorBudget(maxRate = 0.01)
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void readersUntilItBends(ArrivalRateLoadTest.Reader reader) {
        reader.readPost(1);
    }
}
