package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Durations;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Bytes with a unit, {@code 512MB}, {@code 1.5GiB}, {@code 800KB}, {@code 64K} (binary: 1 MB = 1024 KB). */
    public static Optional<Limit> bytes(String text) {
        String value = text.strip();
        Matcher matcher = BYTES.matcher(value);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int power = switch (matcher.group(2).toUpperCase(Locale.ROOT).charAt(0)) {
            case 'K' -> 1;
            case 'M' -> 2;
            case 'G' -> 3;
            case 'T' -> 4;
            default -> 0;
        };
        return number(matcher.group(1)).map(n -> new Limit(n * Math.pow(1024, power), value, Style.BYTES));
    }

    /** What {@link #bytes(String)} reads, for error messages. */
    public static final String BYTES_GRAMMAR = "bytes with a unit such as 512MB, 1.5GiB or 800KB (1 MB = 1024 KB)";

    private static final Pattern BYTES = Pattern.compile(
            "([0-9]+(?:\\.[0-9]+)?)\\s*(B|[KMGT]i?B?)", Pattern.CASE_INSENSITIVE);

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
        RATIO,
        /** Bytes, shown in KiB, MiB or GiB. */
        BYTES,
        /** Bytes per second. */
        BYTES_PER_SECOND;

        /** {@code value} in this style; {@code no value} for NaN. */
        public String format(double value) {
            if (Double.isNaN(value)) {
                return "no value";
            }
            return switch (this) {
                case SECONDS -> Format.millis(value * 1000);
                case RATIO -> Format.percent(value);
                case BYTES -> Format.bytes(value);
                case BYTES_PER_SECOND -> Format.bytes(value) + "/s";
                case NUMBER -> Math.abs(value) >= 0.01 || value == 0 ? Format.number(value)
                        : String.format(Locale.ROOT, "%.3g", value);
            };
        }
    }
}
