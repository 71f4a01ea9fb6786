package dev.horde.internal.jupiter;

import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.Rates;
import java.time.Duration;
import java.util.Optional;

/**
 * Parsers of the values in annotations and configuration parameters. Each failure names its origin, which reads
 * e.g. {@code @LoadTest on method [browse()] has 'duration'} or {@code configuration parameter 'horde.rate'}, the
 * value and the grammar allowed.
 */
final class ValueParsers {

    private ValueParsers() {
    }

    /** A duration of 0 or more. */
    static Duration duration(String text, String origin) {
        if (text.strip().startsWith("-")) {
            throw new LoadTestConfigurationException(origin + " [" + text + "], which is negative: use "
                    + Durations.GRAMMAR + ".");
        }
        return Durations.parse(text).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a duration: use " + Durations.GRAMMAR + "."));
    }

    /** A rate above 0. */
    static double rate(String text, String origin) {
        return Rates.parse(text).filter(rate -> rate > 0).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a rate: use " + Rates.GRAMMAR + "."));
    }

    /** A stage's rate: 0 or more, since a stage may ramp down to nothing. */
    static double stageRate(String text, String origin) {
        return Rates.parse(text).orElseThrow(() -> new LoadTestConfigurationException(
                origin + " [" + text + "], which is not a rate: use " + Rates.STAGE_GRAMMAR + "."));
    }

    static Optional<Integer> wholeNumber(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
