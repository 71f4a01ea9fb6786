package dev.horde.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Asserts after each test that it left nothing behind: no platform thread it started is still alive (user threads on
 * JDK 17, the run's sampler, dispatcher and deadline watchdog, HTTP client threads; not the JDK's scheduler of virtual
 * threads, which the first virtual thread of a JVM starts; before JDK 21 the JDK HttpClient of WebSockets cannot be
 * closed, and its selector thread ends once the client is collected), and no client socket to a
 * {@linkplain #watch(int) watched} port is still open (read from {@code /proc/net/tcp}: connections in ESTABLISHED,
 * SYN_SENT or CLOSE_WAIT whose remote port is the watched one). Waits up to 10 s for both, so a thread that is ending
 * is not a leak.
 */
public final class NoLeaks implements BeforeEachCallback, AfterEachCallback {

    private static final Set<Integer> WATCHED = ConcurrentHashMap.newKeySet();
    private static final List<String> NOT_OURS = List.of("fault-server-", "DFA-cache-cleaner", "PIC-Cleaner", "ForkJoinPool.commonPool", "Common-Cleaner",
            "process reaper", "Attach Listener", "junit-", "awaitility", "surefire", "Notification Thread",
            "JFR ", "RMI ", "WebSocketWorker-", "WebSocketSelector-", "WebSocketConnectionLostChecker",
            "WebSocketTimer", "HTTP-Dispatcher", "test-server"); // the last six: the tests' own servers
    private static final Set<String> CLIENT_STATES = Set.of("01", "02", "08"); // ESTABLISHED, SYN_SENT, CLOSE_WAIT
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NoLeaks.class);

    /** Counts client sockets to {@code port} after each test. */
    public static void watch(int port) {
        WATCHED.add(port);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("threads", Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterEach(ExtensionContext context) {
        Set<Thread> before = context.getStore(NAMESPACE).get("threads", Set.class);
        try {
            Awaitility.await("threads the test left alive").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(leftThreads(before)).isEmpty());
            for (int port : WATCHED) {
                Awaitility.await("client sockets to port " + port + " the test left open").atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(clientSockets(port)).isEmpty());
            }
        } finally {
            WATCHED.clear();
        }
    }

    private static List<String> leftThreads(Set<Thread> before) {
        if (Runtime.version().feature() < 21) {
            System.gc(); // before JDK 21 an HttpClient cannot be closed: its selector thread ends once it is collected
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread) && thread.isAlive() && !virtualThreadScheduler(thread))
                .map(Thread::getName)
                .filter(name -> NOT_OURS.stream().noneMatch(name::startsWith))
                .sorted()
                .collect(Collectors.toList());
    }

    /**
     * Whether {@code thread} is one of the JDK's own threads that run virtual threads (carriers, pollers, timers): the
     * first virtual thread of a JVM starts them, and they stay.
     */
    private static boolean virtualThreadScheduler(Thread thread) {
        String name = thread.getName();
        return thread.getClass().getName().equals("jdk.internal.misc.CarrierThread") || name.equals("MasterPoller")
                || name.equals("VirtualThread-unblocker") || name.endsWith("-Poller") || name.endsWith("-delayScheduler");
    }

    /** Connections of this host whose remote port is {@code port}, still held open by the client: lines of /proc/net/tcp. */
    static List<String> clientSockets(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        List<String> open = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length > 3 && fields[2].endsWith(hexPort) && CLIENT_STATES.contains(fields[3])) {
                    open.add(line.strip());
                }
            }
        }
        return open;
    }
}
