package dev.horde.internal.jupiter;

import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunOutcome;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs a load run so that its results are published exactly once even when the JVM shuts down mid-run (Ctrl-C,
 * SIGTERM, a CI runner's kill). On shutdown a hook cuts the run off, which ends requests in flight as failures, and
 * gives the test's own thread up to {@link #HANDOFF} to publish its outcome, every request accounted for; if that
 * thread does not claim the report in time, the hook publishes the snapshot taken at the cut-off, with requests
 * still in flight counted as unfinished. Either way the report is marked partial.
 */
final class ShutdownHandoff {

    /** How long the hook waits for the test's thread: well within the 10 s most runners allow after SIGTERM. */
    static final Duration HANDOFF = Duration.ofSeconds(3);

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch published = new CountDownLatch(1);

    /**
     * Runs {@code run} and returns its outcome; if the JVM begins to shut down meanwhile, {@code publishPartial} may
     * receive the outcome at the cut-off (see the class comment). The caller then publishes the returned outcome if
     * {@link #claim} lets it.
     */
    RunOutcome execute(LoadRun run, Consumer<RunOutcome> publishPartial) {
        Thread hook = new Thread(() -> onShutdown(run, publishPartial), "horde-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.execute();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** Whether the caller is the one to publish (the shutdown hook did not); if so it calls {@link #published} after. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    /** The report is out: the shutdown hook, if it waits, may let the JVM exit. */
    void published() {
        published.countDown();
    }

    private void onShutdown(LoadRun run, Consumer<RunOutcome> publishPartial) {
        try {
            RunOutcome atCutOff = run.abort();
            if (atCutOff == null) {
                return; // the run had not begun
            }
            if (published.await(HANDOFF.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
            if (claim()) {
                publishPartial.accept(atCutOff);
                published();
            } else {
                published.await(HANDOFF.toNanos(), TimeUnit.NANOSECONDS); // the test's thread is writing it now
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("horde: could not write the partial results while the JVM shut down: " + e);
        }
    }
}
