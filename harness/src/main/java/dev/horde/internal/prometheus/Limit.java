package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Durations;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A limit of a {@link dev.horde.TargetMetric}, in the query's unit, and how values are shown beside it: as written,
 * a duration in seconds shown in ms, a percentage as a fraction.
 *
 * @param value the limit in the query's unit
 * @param written the limit as the annotation wrote it, e.g. {@code 250ms}
 * @param style how values compared with it are shown
 */
@API(status = INTERNAL, since = "0.1")
public record Limit(double value, String written, Style style) {

    /** What the grammar of a limit allows, for error messages. */
    public static final String GRAMMAR = "a number such as 0.25 or 1e6, a duration such as 250ms (compared in seconds),"
            + " or a percentage such as 80% (compared as 0.8)";

    /** The limit {@code text} writes, or empty if it is none of {@link #GRAMMAR}. */
    public static Optional<Limit> parse(String text) {
        String value = text.strip();
        if (value.endsWith("%")) {
            return number(value.substring(0, value.length() - 1).strip())
                    .map(percent -> new Limit(percent / 100, value, Style.RATIO));
        }
        Optional<Limit> number = number(value).map(n -> new Limit(n, value, Style.NUMBER));
        if (number.isPresent()) {
            return number;
        }
        return Durations.parse(value).filter(d -> !value.startsWith("-"))
                .map(d -> new Limit(d.toNanos() / 1e9, value, Style.SECONDS));
    }

    private static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) && !text.matches(".*[dDfFxX].*") ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code value} as values beside this limit are shown. */
    public String format(double value) {
        return style.format(value);
    }

    /** How values are shown. */
    public enum Style {
        /** A plain number, three significant digits. */
        NUMBER,
        /** Seconds, shown as a duration in ms. */
        SECONDS,
        /** A fraction, shown as a percentage. */
        RATIO;

        /** {@code value} in this style; {@code no value} for NaN. */
        public String format(double value) {
            if (Double.isNaN(value)) {
                return "no value";
            }
            return switch (this) {
                case SECONDS -> Format.millis(value * 1000);
                case RATIO -> Format.percent(value);
                case NUMBER -> Math.abs(value) >= 0.01 || value == 0 ? Format.number(value)
                        : String.format(Locale.ROOT, "%.3g", value);
            };
        }
    }
}
