package dev.horde.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ThinkTimeTests {

    @Test
    void uniformStaysWithinItsBounds() {
        ThinkTime uniform = ThinkTime.uniform(Duration.ofMillis(100), Duration.ofMillis(200));
        SplittableRandom random = new SplittableRandom(1);

        assertThat(IntStream.range(0, 1_000).mapToObj(i -> uniform.next(random)))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofMillis(200)));
    }

    @Test
    void exponentialHasItsMeanAndIsCapped() {
        ThinkTime exponential = ThinkTime.exponential(Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(7);

        double meanMillis = IntStream.range(0, 20_000).mapToLong(i -> exponential.next(random).toMillis()).average()
                .orElseThrow();

        assertThat(meanMillis).isBetween(950.0, 1_050.0);
        assertThat(IntStream.range(0, 20_000).mapToObj(i -> exponential.next(random)))
                .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void badBoundsAreRefused() {
        assertThatThrownBy(() -> ThinkTime.uniform(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("uniform think time needs max >= min but was PT2S to PT1S");
        assertThatThrownBy(() -> ThinkTime.constant(Duration.ofSeconds(-1)))
                .hasMessage("think time 'pause' must not be negative but was PT-1S");
    }
}
