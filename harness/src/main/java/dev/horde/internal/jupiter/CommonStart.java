package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.time.Instant;

/**
 * The wait for {@code horde.startAt}, the instant at which every segment of a load test starts so that their ramps
 * add up; a JVM that gets there late starts at once and says by how much.
 */
final class CommonStart {

    private CommonStart() {
    }

    /** Waits until the plan's start instant, if it has one; prints how late this JVM is when it is past. */
    static void await(LoadPlan plan, String test) throws InterruptedException {
        Instant startAt = plan.startAt();
        if (startAt == null) {
            return;
        }
        String who = "[horde] " + test + (plan.segment().whole() ? "" : " segment " + plan.segment());
        Duration wait = Duration.between(Instant.now(), startAt);
        if (wait.isNegative()) {
            System.out.println(who + " started " + Format.number(-wait.toMillis() / 1000.0) + " s after "
                    + LoadTest.START_AT_PROPERTY_NAME + " " + startAt);
            return;
        }
        System.out.println(who + " waits " + Format.number(wait.toMillis() / 1000.0) + " s for "
                + LoadTest.START_AT_PROPERTY_NAME + " " + startAt);
        for (long left = wait.toMillis(); left > 0; left = Duration.between(Instant.now(), startAt).toMillis()) {
            Thread.sleep(Math.min(left, 1_000));
        }
    }
}
