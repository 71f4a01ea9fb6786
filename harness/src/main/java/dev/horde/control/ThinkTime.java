package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/** How long a user pauses between actions, drawn from the user's seeded random generator. */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ThinkTime {

    /** No pause. */
    ThinkTime NONE = random -> Duration.ZERO;

    /** The next pause. */
    Duration next(RandomGenerator random);

    /** Always {@code pause}. */
    static ThinkTime constant(Duration pause) {
        requireNotNegative(pause, "pause");
        return random -> pause;
    }

    /** Uniformly between {@code min} and {@code max}. */
    static ThinkTime uniform(Duration min, Duration max) {
        requireNotNegative(min, "min");
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("uniform think time needs max >= min but was " + min + " to " + max);
        }
        long span = max.toNanos() - min.toNanos();
        return random -> min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
    }

    /** Exponentially distributed with the given mean (a Poisson arrival of actions), capped at 10 × the mean. */
    static ThinkTime exponential(Duration mean) {
        requireNotNegative(mean, "mean");
        double meanNanos = mean.toNanos();
        return random -> Duration.ofNanos((long) Math.min(10 * meanNanos, random.nextExponential() * meanNanos));
    }

    private static void requireNotNegative(Duration duration, String name) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("think time '" + name + "' must not be negative but was " + duration);
        }
    }
}
