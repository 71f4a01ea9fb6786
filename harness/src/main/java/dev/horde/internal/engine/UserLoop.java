package dev.horde.internal.engine;

import dev.horde.MetricNames;
import dev.horde.internal.chaos.ClientChaos;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.trace.TraceContext;
import dev.horde.internal.trace.Tracing;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;

/**
 * The life of one virtual user: for each window in which the plan has it active, wait for the window's start,
 * create its script, set up, iterate until the window or the run ends (or the iteration limit is reached), tear
 * down, release. Iterations with an intended start (open model, pacing) are timed from that start, so a target
 * that stalls the schedule shows in {@value MetricNames#ITERATION}; their own duration goes to
 * {@value MetricNames#ITERATION_SERVICE}.
 */
final class UserLoop implements Runnable {


    private static final long NONE = Arrivals.NONE;

    /** Mixed into a user's seed for its chaos, so chaos draws do not shift the user's own random choices. */
    private static final long CHAOS_SEED = 0x6368616F73L;

    private final LoadRun run;
    private final int index;
    private final UserFactory factory;
    private final LoadPlan plan;
    private final CountDownLatch finished;

    UserLoop(LoadRun run, int index, UserFactory factory, LoadPlan plan, CountDownLatch finished) {
        this.run = run;
        this.index = index;
        this.factory = factory;
        this.plan = plan;
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
            List<long[]> windows = run.windows(index);
            for (int i = 0; i < windows.size() && !run.stopping(); i++) {
                long[] window = windows.get(i);
                if (!run.awaitStart(window[0], i == 0)) {
                    return;
                }
                UserContext user = new UserContext(index, run.metrics(), run.scope(),
                        ClientChaos.of(plan.chaos(), userSeed(run.seed(), index) ^ CHAOS_SEED, run.metrics()),
                        new SplittableRandom(userSeed(run.seed(), index)));
                user.bind();
                TraceContext.begin(run.scope().shared(Tracing.class, scope -> Tracing.of(plan.tracing(), plan.testId()))
                        .forUser(index));
                run.userBegan();
                try {
                    live(user, run.startNanos() + window[0], run.startNanos() + window[1]);
                } finally {
                    run.userEnded();
                    TraceContext.end();
                    UserContext.unbind();
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void live(UserContext user, long windowStart, long windowEnd) {
        MetricRegistry metrics = user.metrics();
        long start = System.nanoTime();
        UserScript script;
        try {
            script = factory.newUser(index, user.random());
        } catch (Throwable failure) {
            metrics.metric(MetricNames.USER_SETUP, MetricKind.LIFECYCLE).recordEnded(start, FailureCause.of(failure), failure);
            return;
        }
        try {
            if (setUp(metrics, script)) {
                iterate(metrics, script, windowStart, windowEnd);
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
            if (script.hasSetUp()) {
                metrics.metric(MetricNames.USER_SETUP, MetricKind.LIFECYCLE).recordEnded(start);
            }
            return true;
        } catch (Throwable failure) {
            metrics.metric(MetricNames.USER_SETUP, MetricKind.LIFECYCLE).recordEnded(start, FailureCause.of(failure), failure);
            TraceContext trace = TraceContext.current();
            if (trace != null) {
                trace.traceEnded(failure);
            }
            return false;
        }
    }

    private void iterate(MetricRegistry metrics, UserScript script, long windowStart, long windowEnd) {
        Metric iterations = metrics.iteration();
        boolean scheduled = plan.scheduled();
        Metric service = scheduled ? metrics.metric(MetricNames.ITERATION_SERVICE, MetricKind.ITERATION) : null;
        int limit = plan.iterations();
        long pacing = plan.pacing().toNanos();
        long slot = windowStart; // paced users: the intended start of the next iteration
        TraceContext trace = TraceContext.current();
        for (int done = 0; !run.stopping() && (limit == 0 || done < limit); done++) {
            long intended = nextStart(slot, windowEnd, pacing);
            if (intended == NONE) {
                return;
            }
            slot = intended + pacing;
            if (trace != null) {
                trace.newTrace(TraceContext.ITERATION);
            }
            long start = System.nanoTime();
            iterations.started(intended);
            if (scheduled) {
                run.scheduledStart(intended, start);
                service.started(start);
            }
            Duration pause = Duration.ZERO;
            try {
                pause = script.iterate();
                long end = System.nanoTime();
                iterations.recordSuccess(intended, end);
                if (trace != null) {
                    trace.traceEnded(null);
                }
                if (service != null) {
                    service.recordSuccess(start, end);
                }
            } catch (Throwable failure) {
                String cause = FailureCause.of(failure);
                long end = System.nanoTime();
                iterations.recordFailure(intended, end, cause, failure);
                if (trace != null) {
                    trace.traceEnded(failure);
                }
                if (service != null) {
                    service.recordFailure(start, end, cause);
                }
                if (failure instanceof VirtualMachineError) {
                    return;
                }
            }
            if (pause != null && !pause.isZero() && !run.pause(pause)) {
                return;
            }
        }
        if (pacing > 0 && run.stopping()) { // slots between the last iteration's end and the stop never started
            long until = Math.min(System.nanoTime(), windowEnd);
            if (until - slot > 0) {
                run.scheduledDropped(slot, (until - slot - 1) / pacing + 1);
            }
        }
    }

    /**
     * When the next iteration should start, having waited for it if it is ahead: {@code slot} for paced users (or the
     * latest slot already passed, the ones before it dropped), the next arrival in the open model, now for the
     * others; {@link #NONE} if the window or the run ended first.
     */
    private long nextStart(long slot, long windowEnd, long pacing) {
        if (plan.model() == LoadModel.OPEN) {
            return run.nextArrival();
        }
        if (pacing == 0) {
            long now = System.nanoTime();
            return now - windowEnd < 0 ? now : NONE;
        }
        if (slot - windowEnd >= 0 || !run.pauseUntil(slot)) {
            return NONE;
        }
        long behind = System.nanoTime() - slot;
        if (behind >= pacing) { // slots this user can no longer start on time are dropped, not run in a burst
            long missed = Math.min(behind / pacing, (windowEnd - slot - 1) / pacing);
            run.scheduledDropped(slot, missed);
            return slot + missed * pacing;
        }
        return slot;
    }

    private void tearDown(MetricRegistry metrics, UserScript script) {
        if (run.cutOff()) {
            return; // past the grace period: release (close) only
        }
        long start = System.nanoTime();
        try {
            script.tearDown();
            if (script.hasTearDown()) {
                metrics.metric(MetricNames.USER_TEARDOWN, MetricKind.LIFECYCLE).recordEnded(start);
            }
        } catch (Throwable failure) {
            metrics.metric(MetricNames.USER_TEARDOWN, MetricKind.LIFECYCLE).recordEnded(start, FailureCause.of(failure), failure);
        }
    }
}
