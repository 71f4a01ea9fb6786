package dev.horde.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTests {

    @ParameterizedTest
    @CsvSource({
        "250ms, PT0.25S",
        "1.5s, PT1.5S",
        "30s, PT30S",
        "1m, PT1M",
        "2h, PT2H",
        "0s, PT0S",
        "' 10 s ', PT10S",
        "0.5ms, PT0.0005S"
    })
    void parsesTheGrammar(String text, Duration expected) {
        assertThat(Durations.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "5 sec", "-1s", "1.s", ".5s", "1m30s", "PT1S", "1d", "1S", "99999999999h"})
    void rejectsEverythingElse(String text) {
        assertThat(Durations.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"PT0.25S, 250ms", "PT1.5S, 1.5s", "PT30S, 30s", "PT1M, 1m", "PT90S, 90s", "PT2H, 2h", "PT0S, 0s",
        "PT0.0005S, 0.5ms", "PT61S, 61s"})
    void formatsInTheShortestExactForm(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
        assertThat(Durations.parse(expected)).contains(duration);
    }
}
