package dev.horde.engine;

import dev.horde.metrics.FailureCause;
import dev.horde.metrics.Metric;
import dev.horde.metrics.MetricRegistry;
import java.util.concurrent.CountDownLatch;

/**
 * The life of one virtual user: wait for its planned start, create its iteration, then run it until the run stops or
 * the iteration limit is reached.
 */
final class VirtualUser implements Runnable {

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

    @Override
    public void run() {
        try {
            if (run.awaitStart(index)) {
                CurrentUser user = new CurrentUser(index, run.metrics(), run.requestTimeout());
                user.bind();
                try {
                    loop(user.metrics());
                } finally {
                    CurrentUser.unbind();
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void loop(MetricRegistry metrics) {
        Metric iterations = metrics.iteration();
        Iteration iteration;
        long setupStart = System.nanoTime();
        try {
            iteration = factory.newUser(index);
        } catch (Throwable failure) {
            fail(metrics, iterations, setupStart, "user setup failed", failure);
            return;
        }
        for (int done = 0; !run.stopping() && (iterationLimit == 0 || done < iterationLimit); done++) {
            long start = System.nanoTime();
            try {
                iteration.run();
                iterations.recordSuccess(start, System.nanoTime());
            } catch (Throwable failure) {
                fail(metrics, iterations, start, null, failure);
                if (failure instanceof VirtualMachineError) {
                    return;
                }
            }
        }
    }

    private static void fail(MetricRegistry metrics, Metric metric, long start, String prefix, Throwable failure) {
        long end = System.nanoTime();
        String cause = FailureCause.of(failure);
        if (prefix != null) {
            cause = prefix + ": " + cause;
        }
        metric.recordFailure(start, end, cause);
        metrics.sampleError(metric, cause, failure);
    }
}
