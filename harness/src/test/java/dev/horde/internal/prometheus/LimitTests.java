package dev.horde.internal.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LimitTests {

    @Test
    void numbersDurationsAndPercentagesAreComparedInTheQuerysUnit() {
        assertThat(Limit.parse("0.25")).hasValueSatisfying(limit -> assertThat(limit.value()).isEqualTo(0.25));
        assertThat(Limit.parse("1e6")).hasValueSatisfying(limit -> assertThat(limit.value()).isEqualTo(1e6));
        assertThat(Limit.parse("250ms")).hasValueSatisfying(limit -> {
            assertThat(limit.value()).isEqualTo(0.25);
            assertThat(limit.format(0.0123)).isEqualTo("12.3 ms");
        });
        assertThat(Limit.parse("80%")).hasValueSatisfying(limit -> {
            assertThat(limit.value()).isEqualTo(0.8);
            assertThat(limit.format(0.5)).isEqualTo("50.0%");
        });
        assertThat(Limit.parse("2").orElseThrow().format(0.000123)).isEqualTo("0.000123");
    }

    @Test
    void anythingElseIsNoLimit() {
        assertThat(Limit.parse("fast")).isEmpty();
        assertThat(Limit.parse("NaN")).isEmpty();
        assertThat(Limit.parse("1d")).isEmpty();
        assertThat(Limit.parse("0x10")).isEmpty();
        assertThat(Limit.parse("-5ms")).isEmpty();
    }
}
