package dev.horde.engine;

import dev.horde.metrics.FailureCause;
import dev.horde.metrics.Metric;
import dev.horde.metrics.MetricKind;
import dev.horde.metrics.MetricRegistry;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The life of one virtual user: wait for its planned start, create its script, set up, iterate with its pauses until
 * the run stops or the iteration limit is reached, tear down, release.
 */
final class VirtualUser implements Runnable {

    static final String SETUP = "user setup";
    static final String TEARDOWN = "user teardown";

    private final LoadRun run;
    private final int index;
    private final UserFactory factory;
    private final int iterationLimit;
    private final CountDownLatch finished;

    VirtualUser(LoadRun run, int index, UserFactory factory, int iterationLimit, CountDownLatch finished) {
        this.run = run;
        this.index = index;
        this.factory = factory;
        this.iterationLimit = iterationLimit;
        this.finished = finished;
    }

    /** The seed of user {@code index} in a run seeded with {@code seed}: well mixed, so users draw unrelated numbers. */
    static long userSeed(long seed, int index) {
        return mix(seed ^ mix(index + 0x9E3779B97F4A7C15L));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    @Override
    public void run() {
        try {
            if (run.awaitStart(index)) {
                CurrentUser user = new CurrentUser(index, run.metrics(), run.scope());
                user.bind();
                run.userBegan();
                try {
                    live(user.metrics());
                } finally {
                    run.userEnded();
                    CurrentUser.unbind();
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void live(MetricRegistry metrics) {
        long start = System.nanoTime();
        UserScript script;
        try {
            script = factory.newUser(index, new SplittableRandom(userSeed(run.seed(), index)));
        } catch (Throwable failure) {
            fail(metrics, metrics.metric(SETUP, MetricKind.LIFECYCLE), start, failure);
            return;
        }
        try {
            if (setUp(metrics, script)) {
                iterate(metrics, script);
                tearDown(metrics, script);
            }
        } finally {
            script.close();
        }
    }

    private boolean setUp(MetricRegistry metrics, UserScript script) {
        long start = System.nanoTime();
        try {
            script.setUp();
            if (script.hasLifecycle()) {
                metrics.metric(SETUP, MetricKind.LIFECYCLE).recordSuccess(start, System.nanoTime());
            }
            return true;
        } catch (Throwable failure) {
            fail(metrics, metrics.metric(SETUP, MetricKind.LIFECYCLE), start, failure);
            return false;
        }
    }

    private void iterate(MetricRegistry metrics, UserScript script) {
        Metric iterations = metrics.iteration();
        for (int done = 0; !run.stopping() && (iterationLimit == 0 || done < iterationLimit); done++) {
            long start = System.nanoTime();
            Duration pause = Duration.ZERO;
            try {
                pause = script.iterate();
                iterations.recordSuccess(start, System.nanoTime());
            } catch (Throwable failure) {
                fail(metrics, iterations, start, failure);
                if (failure instanceof VirtualMachineError) {
                    return;
                }
            }
            if (pause != null && !pause.isZero() && !run.pause(pause)) {
                return;
            }
        }
    }

    private void tearDown(MetricRegistry metrics, UserScript script) {
        if (run.cutOff()) {
            return; // past the grace period: release (close) only
        }
        long start = System.nanoTime();
        try {
            script.tearDown();
            if (script.hasLifecycle()) {
                metrics.metric(TEARDOWN, MetricKind.LIFECYCLE).recordSuccess(start, System.nanoTime());
            }
        } catch (Throwable failure) {
            fail(metrics, metrics.metric(TEARDOWN, MetricKind.LIFECYCLE), start, failure);
        }
    }

    private static void fail(MetricRegistry metrics, Metric metric, long start, Throwable failure) {
        String cause = FailureCause.of(failure);
        metric.recordFailure(start, System.nanoTime(), cause);
        metrics.sampleError(metric, cause, failure);
    }
}
