package dev.horde.internal.jupiter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JUnitTimeoutTests {

    @ParameterizedTest
    @CsvSource({"42, PT42S", "42 s, PT42S", "100ms, PT0.1S", "100 MS, PT0.1S", "2m, PT2M", "1 h, PT1H", "3d, PT72H",
            "500 μs, PT0.0005S"})
    void readsJUnitsTimeoutFormat(String text, Duration expected) {
        assertThat(JUnitTimeout.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"soon", "0", "-5 s", "5 weeks"})
    void ignoresWhatJUnitWouldNotRead(String text) {
        assertThat(JUnitTimeout.parse(text)).isEmpty();
    }

    @Test
    void theMethodsAnnotationComesFirstThenTheClassesThenTheDefaults() throws NoSuchMethodException {
        Map<String, String> defaults = Map.of("junit.jupiter.execution.timeout.default", "5m",
                "junit.jupiter.execution.timeout.test.method.default", "90 s");

        assertThat(JUnitTimeout.of(Annotated.class, Annotated.class.getDeclaredMethod("own"), key -> Optional.ofNullable(defaults.get(key))))
                .contains(Duration.ofSeconds(3));
        assertThat(JUnitTimeout.of(Annotated.Inner.class, Annotated.Inner.class.getDeclaredMethod("inherited"),
                key -> Optional.ofNullable(defaults.get(key)))).contains(Duration.ofMinutes(1));
        assertThat(JUnitTimeout.of(JUnitTimeoutTests.class, JUnitTimeoutTests.class.getDeclaredMethod("none"),
                key -> Optional.ofNullable(defaults.get(key)))).contains(Duration.ofSeconds(90));
        assertThat(JUnitTimeout.of(JUnitTimeoutTests.class, JUnitTimeoutTests.class.getDeclaredMethod("none"),
                key -> Optional.empty())).isEmpty();
    }

    void none() {
    }

    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    static class Annotated {
        @Timeout(3)
        void own() {
        }

        @Nested
        class Inner {
            void inherited() {
            }
        }
    }
}
