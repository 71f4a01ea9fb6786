package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.ThroughputBudget;
import dev.horde.sample.chat.ChatMember;
import dev.horde.sample.chat.ChatMix;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 3: 200 chat members in ten channels, each with a WebSocket open, doing a weighted random mix of actions with
 * think times ({@link ChatMix}). Budgets per endpoint and on WebSocket delivery: the time from a post until each member
 * of its channel has the event. The summary prints the seed; {@code -Dhorde.seed=<seed>} replays the same choices.
 */
@ExtendWith(DemoTarget.class)
class ChatMixLoadTest {

    @LoadTest(users = 200, duration = "30s", rampUp = "10s", warmUp = "10s", controller = ChatMix.class)
    @LatencyBudget(metric = "POST /api/posts", p95 = "500ms")
    @LatencyBudget(metric = "GET /api/channels/{id}/posts", p95 = "500ms")
    @LatencyBudget(metric = "ws delivery", p95 = "500ms", p99 = "2s")
    @ErrorBudget(maxRate = 0.01)
    @ErrorBudget(metric = "ws delivery", maxRate = 0.001)
    @ThroughputBudget(metric = "action post", min = 10)
    void chatMix(ChatMember member) {
    }
}
