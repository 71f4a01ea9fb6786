package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.MetricRegistry;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.LoadShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * One execution of a {@link LoadPlan}. Every user thread is created and started before the clock starts, then waits
 * for its planned start, so the ramp-up is kept by timers and never by how fast threads can be created on a busy
 * machine. In the closed model each user is active while the plan's {@link LoadShape} is above its number and
 * iterates back to back (or at its pacing); in the open model a dispatcher thread releases iterations at their
 * intended times and the users form a pool that runs them, queued when all are busy. Users iterate until the
 * duration is over (or each has run its iterations); in-flight iterations get the grace period; then counting stops
 * and whatever still runs is interrupted. Never outlasts duration + grace + {@link #INTERRUPT_WAIT} once the clock
 * has started.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadRun implements AutoCloseable {

    /** How long interrupted users get to end before their threads are abandoned. */
    static final Duration INTERRUPT_WAIT = Duration.ofSeconds(1);
    /** How often the time series gets a point. */
    public static final Duration INTERVAL = Duration.ofSeconds(1);

    private final LoadPlan plan;
    private final UserFactory users;
    private final ThreadFactory threads;
    private final List<Thread> started = new ArrayList<>();
    private final CountDownLatch finished;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicInteger began = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private final RunObserver observer;
    private final StopCondition stopCondition;
    private volatile boolean stoppedOnBreach;
    private final AtomicLong maxStartDelayNanos = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean cutOff;
    private volatile boolean aborted;
    private volatile String stoppedEarly;
    private volatile long startNanos;
    private volatile MetricRegistry metrics;
    private final RunScope scope;
    private final LoadShape shape;
    private volatile ScheduleCounter schedule;
    private volatile Arrivals arrivals;
    private final int[] userNumbers;

    /** A run of {@code plan} whose users run what {@code users} creates, on threads of the plan's kind. */
    public LoadRun(LoadPlan plan, UserFactory users) {
        this(plan, users, RunObserver.NONE);
    }

    /** A run that also tells {@code observer} about every interval. */
    public LoadRun(LoadPlan plan, UserFactory users, RunObserver observer) {
        this(plan, users, observer, StopCondition.NONE);
    }

    /**
     * A run that also tells {@code observer} about every interval, and stops early when {@code stopCondition} gives a
     * reason: a budget broke for good, or a capacity search is over.
     */
    public LoadRun(LoadPlan plan, UserFactory users, RunObserver observer, StopCondition stopCondition) {
        this(plan, users, UserThreads.factory(plan.threads()), observer, stopCondition);
    }

    /** A run whose users run on threads from {@code threads}. */
    LoadRun(LoadPlan plan, UserFactory users, ThreadFactory threads, RunObserver observer) {
        this(plan, users, threads, observer, StopCondition.NONE);
    }

    private LoadRun(LoadPlan plan, UserFactory users, ThreadFactory threads, RunObserver observer,
            StopCondition stopCondition) {
        this.observer = observer;
        this.stopCondition = stopCondition;
        this.plan = plan;
        this.users = users;
        this.threads = threads;
        this.userNumbers = plan.segment().users(plan.users(), plan.model());
        this.finished = new CountDownLatch(userNumbers.length);
        this.scope = new RunScope(userNumbers.length, plan.requestTimeout(), plan.target(), plan.namedTargets());
        this.shape = plan.shape();
    }

    /**
     * Runs the plan and returns when every user has ended or been abandoned.
     *
     * @throws IllegalStateException if the JVM cannot create a thread for every user; no user has run then
     */
    public RunOutcome execute() {
        MetricRegistry metrics = startThreads();
        long start = startNanos;
        long deadline = start + plan.duration().toNanos();
        CpuMeter cpu = null;
        boolean interrupted = false;
        long end;
        ScheduledExecutorService sampler = startSampler(metrics);
        try {
            go.countDown();
            if (arrivals != null) {
                arrivals.dispatch(shape, plan.segment(), start, stop);
            }
            finished.await(Math.max(start + plan.rampUp().toNanos(), metrics.measureFromNanos()) - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
            cpu = CpuMeter.start(); // the steady state: every user started, warm-up over
            finished.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            stop();
            finished.await(plan.grace().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            stop();
            metrics.close();
            end = System.nanoTime();
            sampler.shutdownNow();
        }
        awaitQuietly(sampler);
        int activeAtEnd = active.get();
        double generatorCpu = cpu == null ? Double.NaN : cpu.utilisation();
        int notStopped = interruptRemaining();
        // partial, and after the interrupts: the samples they cut off are in an interval, so the log has every sample
        Interval last = metrics.drainInterval(end, activeAtEnd, Double.NaN, Double.NaN, observer);
        if (arrivals != null) {
            arrivals.close();
        }
        observer.onRunEnd(last, progress());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // aborted: the JVM is shutting down, whatever ran is partial
        return outcome(metrics, end, notStopped, interrupted || aborted, generatorCpu);
    }

    /** What the run measured until {@code end}, a {@link System#nanoTime()}. */
    private RunOutcome outcome(MetricRegistry metrics, long end, int notStopped, boolean interrupted,
            double generatorCpu) {
        ScheduleCounter counter = schedule;
        return new RunOutcome(metrics.snapshot(), Duration.ofNanos(Math.max(0, end - metrics.measureFromNanos())),
                Duration.ofNanos(end - startNanos), userNumbers.length, began.get(),
                Duration.ofNanos(maxStartDelayNanos.get()),
                notStopped, interrupted, generatorCpu, plan.scheduled() && counter != null ? counter.stats() : null,
                stoppedEarly, stoppedOnBreach);
    }

    /** A daemon thread that closes an interval of the time series every {@link #INTERVAL}. */
    private ScheduledExecutorService startSampler(MetricRegistry metrics) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "horde-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long period = INTERVAL.toNanos();
        CpuMeter cpu = CpuMeter.start();
        CpuMeter.machineLoad(); // starts the machine's count: each call reads the load since the one before
        UnreachableTarget unreachable = plan.unreachableStop().isZero() ? null
                : new UnreachableTarget(plan.unreachableStop());
        sampler.scheduleAtFixedRate(() -> {
            try {
                long now = System.nanoTime();
                Interval interval = metrics.drainInterval(now, active.get(), cpu.lap(), CpuMeter.machineLoad(),
                        observer);
                observer.onInterval(interval, progress());
                Duration measured = Duration.ofNanos(Math.max(0, now - metrics.measureFromNanos()));
                if (unreachable != null && !stopping) {
                    String reason = unreachable.check(interval, metrics, Duration.ofSeconds(measured.toSeconds()));
                    if (reason != null) {
                        stoppedEarly = reason;
                        stop();
                    }
                }
                if (!stopping) {
                    String breach = stopCondition.check(interval, metrics, measured);
                    if (breach != null) {
                        stoppedOnBreach = true;
                        stoppedEarly = breach;
                        stop();
                    }
                }
            } catch (RuntimeException e) {
                System.err.println("horde: the time series missed an interval: " + e); // the run goes on
            }
        }, period, period, TimeUnit.NANOSECONDS);
        return sampler;
    }

    /**
     * Blocks a pool user until the next iteration is due and returns its intended start (nanoTime), or
     * {@link Long#MIN_VALUE} when the run is over.
     */
    long nextArrival() {
        return arrivals.take();
    }

    /** The closed-model windows {@code [start, end)} of user {@code index}, in nanos from the start; open: the run. */
    List<long[]> windows(int index) {
        if (plan.model() == LoadModel.OPEN) {
            return List.of(new long[] {0, plan.duration().toNanos()});
        }
        return shape.activeWindows(index);
    }

    private Progress progress() {
        ScheduleCounter counter = schedule;
        return new Progress(plan, metrics, began.get(), active.get(),
                plan.scheduled() && counter != null ? counter.stats() : null);
    }

    /** Counts when a scheduled iteration, intended at {@code intendedNanos}, started. */
    void scheduledStart(long intendedNanos, long startNanos) {
        schedule.started(intendedNanos, startNanos);
    }

    /** Counts {@code count} scheduled iterations from {@code intendedNanos} on that never started. */
    void scheduledDropped(long intendedNanos, long count) {
        schedule.dropped(intendedNanos, count);
    }

    /** Nanos ({@link System#nanoTime()}) when the clock started. */
    long startNanos() {
        return startNanos;
    }

    /** Waits until {@code nanos} ({@link System#nanoTime()}); false if the run stopped first. */
    boolean pauseUntil(long nanos) {
        long wait = nanos - System.nanoTime();
        return wait <= 0 ? !stopping : pause(Duration.ofNanos(wait));
    }

    private static void awaitQuietly(ScheduledExecutorService sampler) {
        try {
            sampler.awaitTermination(INTERRUPT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts a user among those iterating now, until {@link #userEnded()}. */
    void userBegan() {
        active.incrementAndGet();
    }

    /** Counts a user that stopped iterating. */
    void userEnded() {
        active.decrementAndGet();
    }

    /** Creates and starts every user thread (they wait for {@link #go}), then sets the clock and the registry. */
    private MetricRegistry startThreads() {
        try {
            for (int index : userNumbers) {
                Thread thread = threads.newThread(new UserLoop(this, index, users, plan, finished));
                thread.start();
                started.add(thread);
            }
        } catch (OutOfMemoryError | RuntimeException e) {
            close();
            throw new IllegalStateException("could only start " + started.size() + " of " + userNumbers.length
                    + " virtual user threads (" + e + "): run fewer users, or on JDK 21+ where users are virtual threads",
                    e);
        }
        startNanos = System.nanoTime();
        metrics = new MetricRegistry(startNanos, startNanos + plan.warmUp().toNanos());
        metrics.keepIntervals(plan.intervalMetrics());
        schedule = new ScheduleCounter(metrics.measureFromNanos());
        if (plan.model() == LoadModel.OPEN) {
            arrivals = new Arrivals(userNumbers.length, schedule, this::stopping);
        }
        return metrics;
    }

    /** The registry users record into; set before {@link #go} opens. */
    MetricRegistry metrics() {
        return metrics;
    }

    /**
     * Blocks a user until {@code offsetNanos} after the start. Returns false if the run stopped first (or the thread
     * was interrupted), in which case the user must not run. The first start of each user counts it as started.
     */
    boolean awaitStart(long offsetNanos, boolean first) {
        try {
            go.await();
            long startAt = startNanos + offsetNanos;
            long wait = startAt - System.nanoTime();
            if (wait > 0 && stop.await(wait, TimeUnit.NANOSECONDS)) {
                return false;
            }
            if (stopping) {
                return false;
            }
            if (first) {
                began.incrementAndGet();
            }
            maxStartDelayNanos.accumulateAndGet(System.nanoTime() - startAt, Math::max);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Pauses a user for {@code pause}, or less if the run stops first; returns false if it stopped. */
    boolean pause(Duration pause) {
        try {
            return !stop.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The run's seed, from which every user's random generator is derived. */
    long seed() {
        return plan.seed();
    }

    /** Whether the grace period is over and users are being interrupted. */
    boolean cutOff() {
        return cutOff;
    }

    /** Whether users should stop starting iterations. */
    boolean stopping() {
        return stopping;
    }

    /** What the run's users share; closed when the run ends. */
    RunScope scope() {
        return scope;
    }

    /** Ends the run before its duration: users start no new iteration, and those in flight get the grace period. */
    public void endEarly() {
        stop();
    }

    private void stop() {
        stopping = true;
        stop.countDown();
        Arrivals pool = arrivals;
        if (pool != null) {
            pool.release();
        }
    }

    /**
     * Interrupts users still running, closes what they share, waits {@link #INTERRUPT_WAIT} for them, and counts
     * those that stay.
     */
    private int interruptRemaining() {
        boolean interrupted = Thread.interrupted();
        cutOff = true;
        metrics.cutOff();
        started.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        scope.close(); // closes the connections of requests still in flight, which interrupts cannot end
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

    /**
     * What the run measured until now, marked interrupted, for a JVM that is shutting down in the middle of the run;
     * stops the users. Null if the run had not started.
     */
    public RunOutcome abort() {
        long now = System.nanoTime();
        aborted = true;
        MetricRegistry registry = metrics;
        if (registry != null) {
            registry.close(); // before the users stop: nothing that starts from now on counts
        }
        close();
        if (registry == null) {
            return null;
        }
        registry.drainInterval(now, active.get(), Double.NaN, Double.NaN, observer);
        return outcome(registry, now, active.get(), true, Double.NaN);
    }

    /** Stops and interrupts every user; safe to call more than once and after {@link #execute()}. */
    @Override
    public void close() {
        stop();
        cutOff = true;
        MetricRegistry registry = metrics;
        if (registry != null) {
            registry.cutOff();
        }
        go.countDown();
        started.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        scope.close();
    }
}
