package dev.horde.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatTests {

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Format.count(18_204)).isEqualTo("18,204");
        assertThat(Format.count(0)).isEqualTo("0");
    }

    @Test
    void millisHaveThreeSignificantDigitsWithoutTrailingZeros() {
        assertThat(Format.millis(412.4)).isEqualTo("412 ms");
        assertThat(Format.millis(41.24)).isEqualTo("41.2 ms");
        assertThat(Format.millis(4.124)).isEqualTo("4.12 ms");
        assertThat(Format.millis(0.4124)).isEqualTo("0.412 ms");
        assertThat(Format.millis(1.0)).isEqualTo("1 ms");
        assertThat(Format.millis(20.0)).isEqualTo("20 ms");
        assertThat(Format.millis(1_204)).isEqualTo("1,204 ms");
        assertThat(Format.millis(0)).isEqualTo("0 ms");
    }

    @Test
    void percentagesKeepSmallRatesVisible() {
        assertThat(Format.percent(0.098)).isEqualTo("9.8%");
        assertThat(Format.percent(0.01)).isEqualTo("1.0%");
        assertThat(Format.percent(0.0005)).isEqualTo("0.05%");
        assertThat(Format.percent(0)).isEqualTo("0%");
        assertThat(Format.percent(1)).isEqualTo("100.0%");
    }

    @Test
    void ratesArePerSecond() {
        assertThat(Format.perSecond(85.24)).isEqualTo("85.2/s");
        assertThat(Format.perSecond(1_000_000)).isEqualTo("1,000,000/s");
    }
}
