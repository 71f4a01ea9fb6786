package dev.horde.engine;

import dev.horde.metrics.MetricRegistry;
import dev.horde.plan.LoadPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One execution of a {@link LoadPlan}: starts users evenly over the ramp-up, lets them iterate until the duration is
 * over (or each has run its iterations), gives in-flight iterations the grace period, then stops counting and
 * interrupts whatever still runs. Never outlasts duration + grace + {@link #INTERRUPT_WAIT}.
 */
public final class LoadRun implements AutoCloseable {

    /** How long interrupted users get to end before their threads are abandoned. */
    static final Duration INTERRUPT_WAIT = Duration.ofSeconds(1);

    private final LoadPlan plan;
    private final UserFactory users;
    private final ThreadFactory threads;
    private final List<Thread> started = new ArrayList<>();
    private final CountDownLatch finished;
    private volatile boolean stopping;

    /** A run of {@code plan} whose users run what {@code users} creates, on threads from {@code threads}. */
    public LoadRun(LoadPlan plan, UserFactory users, ThreadFactory threads) {
        this.plan = plan;
        this.users = users;
        this.threads = threads;
        this.finished = new CountDownLatch(plan.users());
    }

    /** Whether users should stop starting iterations. */
    boolean stopping() {
        return stopping;
    }

    /** Runs the plan on the calling thread's watch and returns when every user has ended or been abandoned. */
    public RunOutcome execute() {
        long start = System.nanoTime();
        long deadline = start + plan.duration().toNanos();
        MetricRegistry metrics = new MetricRegistry(start + plan.warmUp().toNanos());
        CpuMeter cpu = null;
        boolean interrupted = false;
        long end;
        try {
            startUsers(start, metrics);
            finished.await(metrics.measureFromNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
            cpu = CpuMeter.start(); // the steady state: every user started, warm-up over
            finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            stopping = true;
            finished.await(plan.grace().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            stopping = true;
            // users that never started count down here, so the latch tells when all started ones are done
            while (finished.getCount() > plan.users() - started.size()) {
                finished.countDown();
            }
            metrics.close();
            end = System.nanoTime();
        }
        double generatorCpu = cpu == null ? Double.NaN : cpu.utilisation();
        int notStopped = interruptRemaining();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Duration window = Duration.ofNanos(Math.max(0, end - metrics.measureFromNanos()));
        return new RunOutcome(metrics.snapshot(), window, Duration.ofNanos(end - start), started.size(), notStopped,
                interrupted, generatorCpu);
    }

    private void startUsers(long start, MetricRegistry metrics) throws InterruptedException {
        long rampNanos = plan.rampUp().toNanos();
        for (int index = 0; index < plan.users() && !stopping; index++) {
            long startAt = start + (long) ((double) rampNanos * index / plan.users());
            long wait = startAt - System.nanoTime();
            if (wait > 0 && finished.await(wait, TimeUnit.NANOSECONDS)) {
                return;
            }
            CurrentUser context = new CurrentUser(index, metrics, plan.requestTimeout());
            Thread thread = threads.newThread(new VirtualUser(this, context, users, plan.iterations(), finished));
            started.add(thread);
            thread.start();
        }
    }

    /** Interrupts users still running, waits {@link #INTERRUPT_WAIT} for them, and counts those that stay. */
    private int interruptRemaining() {
        boolean interrupted = Thread.interrupted();
        started.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        long deadline = System.nanoTime() + INTERRUPT_WAIT.toNanos();
        int alive = 0;
        for (Thread thread : started) {
            try {
                long wait = Math.max(0, deadline - System.nanoTime());
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (thread.isAlive()) {
                alive++;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return alive;
    }

    /** Stops and interrupts every user; safe to call more than once and after {@link #execute()}. */
    @Override
    public void close() {
        stopping = true;
        started.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }
}
