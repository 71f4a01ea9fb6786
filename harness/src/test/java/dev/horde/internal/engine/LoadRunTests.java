package dev.horde.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.ThreadKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoadRunTests {

    private static LoadPlan plan(int users, String duration, String rampUp) {
        return LoadPlan.builder("test").users(users).duration(Duration.parse("PT" + duration))
                .rampUp(Duration.parse("PT" + rampUp)).grace(Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(5))
                .seed(42).build();
    }

    @Test
    void anInterruptMidRampStopsTheRunAndUsersThatHaveNotStartedNeverRun() {
        AtomicInteger created = new AtomicInteger();
        AtomicInteger begun = new AtomicInteger();
        LoadRun run = new LoadRun(plan(10, "60S", "60S"), (index, random) -> {
            created.incrementAndGet();
            return UserScript.of(() -> {
                begun.incrementAndGet();
                TimeUnit.MILLISECONDS.sleep(5);
            });
        });
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            return run.execute();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> begun.get() >= 2); // so one iteration has ended
        runner.get().interrupt();
        RunOutcome result = outcome.orTimeout(10, TimeUnit.SECONDS).join();

        assertThat(result.interrupted()).isTrue();
        assertThat(result.usersStarted()).isEqualTo(1);
        assertThat(created).hasValue(1);
        assertThat(result.usersNotStopped()).isZero();
        assertThat(result.metrics().iteration().count()).isPositive();
    }

    @Test
    void aJvmThatCannotCreateEveryThreadFailsBeforeAnyUserRuns() {
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadFactory platform = UserThreads.factory(ThreadKind.PLATFORM);
        ThreadFactory scarce = runnable -> {
            if (made.size() == 3) {
                throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
            }
            Thread thread = platform.newThread(runnable);
            made.add(thread);
            return thread;
        };
        AtomicInteger iterations = new AtomicInteger();
        LoadRun run = new LoadRun(plan(5, "10S", "0S"), (index, random) -> UserScript.of(iterations::incrementAndGet), scarce,
                RunObserver.NONE);

        assertThatThrownBy(run::execute)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("could only start 3 of 5 virtual user threads (java.lang.OutOfMemoryError: unable"
                        + " to create native thread: possibly out of memory): run fewer users, or on JDK 21+ where users"
                        + " are virtual threads");
        await().atMost(Duration.ofSeconds(10)).until(() -> made.stream().noneMatch(Thread::isAlive));
        assertThat(iterations).hasValue(0);
    }

    @Test
    void theRunEndsAtItsDurationWithEveryUserStartedOnSchedule() {
        // the ramp ends half-way, so every start is due well before the end even on a loaded machine
        LoadRun run = new LoadRun(plan(50, "1S", "0.5S"), (index, random) -> UserScript.of(() -> TimeUnit.MILLISECONDS.sleep(2)));

        RunOutcome result = run.execute();

        assertThat(result.usersStarted()).isEqualTo(50);
        assertThat(result.scheduleMissed()).isFalse();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(result.interrupted()).isFalse();
    }
}
