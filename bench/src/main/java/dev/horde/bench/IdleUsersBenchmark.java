package dev.horde.bench;

import dev.horde.http.HttpApi;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.UserScript;
import dev.horde.internal.engine.UserThreads;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.ThreadKind;
import dev.horde.ws.WebSocketSession;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * How much memory an idle virtual user costs: {@code users} users start over 20 s, each makes one request through
 * the lean client (and opens a WebSocket if asked), then waits; once all are idle the heap after a full GC and the
 * resident set are compared with the same JVM before the run. Prints one {@code memory} line.
 *
 * <pre>IdleUsersBenchmark httpUrl wsUrl users withWebSocket</pre>
 */
public final class IdleUsersBenchmark {

    private static final Duration RAMP = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private IdleUsersBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        URI http = URI.create(args[0]);
        URI ws = URI.create(args[1]);
        int users = Integer.parseInt(args[2]);
        boolean socket = Boolean.parseBoolean(args[3]);
        String base = http.getScheme() + "://" + http.getAuthority();

        HttpApi.to(base).get(http.getRawPath()).send(); // load the client's classes before the baseline
        long heapBefore = heapAfterGc();
        long rssBefore = rssKb();
        LoadPlan plan = LoadPlan.builder("idle").users(users).duration(RAMP.plus(SETTLE).plusSeconds(10)).rampUp(RAMP)
                .seed(1).build();
        LoadRun run = new LoadRun(plan, (index, random) -> new UserScript() {
            private final HttpApi api = HttpApi.to(base);
            private WebSocketSession session;

            @Override
            public void setUp() {
                api.get(http.getRawPath()).send();
                if (socket) {
                    session = WebSocketSession.open(ws, Map.of(), message -> { });
                }
            }

            @Override
            public Duration iterate() {
                return Duration.ofHours(1); // idle until the run stops
            }

            @Override
            public boolean hasSetUp() {
                return true;
            }

            @Override
            public void close() {
                if (session != null) {
                    session.close();
                }
            }
        });
        // not on the common pool: with 2 cores it has one thread, and the JDK's WebSocket handshakes complete there
        FutureTask<RunOutcome> outcome = new FutureTask<>(run::execute);
        new Thread(outcome, "run").start();
        TimeUnit.NANOSECONDS.sleep(RAMP.plus(SETTLE).toNanos());
        long heap = heapAfterGc() - heapBefore;
        long rss = rssKb() - rssBefore;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        RunOutcome result = outcome.get();
        long failures = result.metrics().byName().values().stream().mapToLong(MetricSnapshot::failed).sum();
        result.metrics().byName().values().stream().filter(metric -> metric.failed() > 0)
                .forEach(metric -> System.out.println("failed: " + metric.name() + " " + metric.errors()));
        System.out.printf(java.util.Locale.ROOT,
                "memory users=%d started=%d socket=%s heap_kb_per_user=%.1f rss_kb_per_user=%.1f failures=%d"
                        + " platform_threads=%d threads=%s%n",
                users, result.usersStarted(), socket, heap / 1024.0 / users, (double) rss / users, failures, threads,
                UserThreads.isVirtual(ThreadKind.AUTO) ? "virtual" : "platform");
        System.exit(0);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
