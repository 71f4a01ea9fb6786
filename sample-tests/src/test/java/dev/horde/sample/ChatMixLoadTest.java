package dev.horde.sample;

import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.LoadTest;
import dev.horde.MetricNames;
import dev.horde.ThroughputBudget;
import dev.horde.sample.chat.ChatMember;
import dev.horde.sample.chat.ChatMix;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sample 3: 200 chat members in ten channels, each with a WebSocket open, doing a weighted random mix of actions with
 * think times ({@link ChatMix}). Each member signs up, logs in and connects in its set-up; the ramp-up runs past the
 * warm-up, so the later half of those set-ups is measured too. Latency budgets cover the steady state, per endpoint
 * and on WebSocket delivery: the time from a post until each member of its channel has the event. Throughput budgets
 * prove the set-up endpoints were exercised (a budget on a metric that recorded nothing fails); their latencies are
 * reported, not budgeted, because set-ups run while the JVM is still compiling REST Assured and, on virtual threads,
 * queue behind each other (see docs/metrics.md on threads). The summary prints the seed; {@code -Dhorde.seed=<seed>}
 * replays the same choices.
 */
@ExtendWith(DemoTarget.class)
class ChatMixLoadTest {

    @LoadTest(users = 200, duration = "30s", rampUp = "10s", warmUp = "5s", controller = ChatMix.class)
    @ThroughputBudget(metric = "POST /api/users", min = 1)
    @ThroughputBudget(metric = "POST /api/users/login", min = 1)
    @ThroughputBudget(metric = MetricNames.WS_CONNECT, min = 1)
    @ThroughputBudget(metric = MetricNames.USER_SETUP, min = 1)
    @LatencyBudget(metric = "POST /api/posts", p95 = "500ms")
    @LatencyBudget(metric = "GET /api/channels/{id}/posts", p95 = "500ms")
    @LatencyBudget(metric = "POST /api/posts/{id}/reactions", p95 = "500ms")
    @LatencyBudget(metric = "POST /api/users/logout", p95 = "1s")
    @LatencyBudget(metric = MetricNames.WS_DELIVERY, p95 = "500ms", p99 = "2s")
    @ErrorBudget(maxRate = 0.01)
    @ErrorBudget(metric = MetricNames.WS_DELIVERY, maxRate = 0.001)
    @ThroughputBudget(metric = MetricNames.ACTION_PREFIX + "post", min = 10)
    void chatMix(ChatMember member) {
    }
}
