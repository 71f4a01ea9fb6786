package dev.horde.internal.chaos;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.plan.ChaosPlan;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * One virtual user's client-side chaos ({@link dev.horde.Chaos}): draws, from the user's own generator, which
 * requests are delayed by how much, aborted or malformed and which WebSocket connections are dropped, and counts what
 * it did under metrics of kind {@link MetricKind#CHAOS}. Used on the user's thread only.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClientChaos {

    /** Header that marks the requests chaos sends, so that the target's logs can tell them apart: {@value}. */
    public static final String HEADER = "X-Horde-Chaos";

    /** No chaos. */
    public static final ClientChaos NONE = new ClientChaos(ChaosPlan.NONE, null, null);

    private static final long DROP_WITHIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] GARBAGE = {0, '{', '"', (byte) 0xFF, ']'};

    private final ChaosPlan plan;
    private final SplittableRandom random;
    private final MetricRegistry metrics;

    private ClientChaos(ChaosPlan plan, SplittableRandom random, MetricRegistry metrics) {
        this.plan = plan;
        this.random = random;
        this.metrics = metrics;
    }

    /** The chaos of one user, drawing from a generator seeded with {@code seed}; {@link #NONE} when {@code plan} is off. */
    public static ClientChaos of(ChaosPlan plan, long seed, MetricRegistry metrics) {
        return plan.on() ? new ClientChaos(plan, new SplittableRandom(seed), metrics) : NONE;
    }

    /** What this chaos was configured to do. */
    public ChaosPlan plan() {
        return plan;
    }

    /** Waits the delay chosen for the next request, if there is one, and counts it under {@value #DELAY}. */
    public void delay() {
        long min = plan.delayMin().toNanos();
        long max = plan.delayMax().toNanos();
        if (max == 0) {
            return;
        }
        Metric metric = metric(MetricNames.CHAOS_DELAY);
        long start = metric.start();
        long until = start + (min == max ? min : min + random.nextLong(max - min + 1));
        for (long left = until - start; left > 0 && !Thread.currentThread().isInterrupted();
                left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        metric.recordSuccess(start, System.nanoTime());
    }

    /** Whether the next request is preceded by a copy abandoned mid-flight. */
    public boolean abortNext() {
        return plan.abort() > 0 && random.nextDouble() < plan.abort();
    }

    /** Whether the next request with a body is preceded by a copy with a corrupted body. */
    public boolean malformNext() {
        return plan.malformed() > 0 && random.nextDouble() < plan.malformed();
    }

    /**
     * When ({@link System#nanoTime()}) the WebSocket connection opened at {@code openedAtNanos} is to be dropped: a
     * random moment within a second, for the configured share of connections; {@code 0} for the others.
     */
    public long dropAt(long openedAtNanos) {
        if (plan.dropWebSockets() > 0 && random.nextDouble() < plan.dropWebSockets()) {
            long at = openedAtNanos + 1 + random.nextLong(DROP_WITHIN_NANOS);
            return at == 0 ? 1 : at;
        }
        return 0;
    }

    /** The chaos metric named {@code name}, one of the constants above. */
    public Metric metric(String name) {
        return metrics.metric(name, MetricKind.CHAOS);
    }

    /**
     * {@code body} made unparsable: its first half, then a NUL, an opened object and string, a byte that is not UTF-8
     * and a stray bracket, which no JSON parser takes for a document.
     */
    public static byte[] corrupt(byte[] body) {
        byte[] corrupted = Arrays.copyOf(body, body.length / 2 + GARBAGE.length);
        System.arraycopy(GARBAGE, 0, corrupted, body.length / 2, GARBAGE.length);
        return corrupted;
    }
}
