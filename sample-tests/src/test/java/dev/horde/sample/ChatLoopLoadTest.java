package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.sample.chat.ChatLoop;
import dev.horde.sample.chat.ChatUser;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 2: chat users driven by a {@link dev.horde.control.SimpleController}, a deterministic loop: sign up,
 * then log in → post (and wait for it over the WebSocket) → read → ping → log out → log in → …. The method body is
 * not run: the controller drives each user, one step per iteration.
 */
@ExtendWith(DemoTarget.class)
class ChatLoopLoadTest {

    @LoadTest(users = 10, duration = "15s", rampUp = "3s", warmUp = "3s", controller = ChatLoop.class)
    @LatencyBudget(metric = MetricNames.ACTION_PREFIX + "post", p95 = "1s")
    @LatencyBudget(metric = MetricNames.WS_ROUND_TRIP, p99 = "500ms")
    @ErrorBudget(maxRate = 0.01)
    void chatLoop(ChatUser user) {
    }
}
