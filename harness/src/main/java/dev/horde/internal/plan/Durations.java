package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The one duration grammar of Horde: a decimal number and a unit {@code ms}, {@code s}, {@code m} or {@code h}
 * ({@code "250ms"}, {@code "1.5s"}, {@code "30s"}, {@code "1m"}, {@code "2h"}), and its inverse for messages.
 */
@API(status = INTERNAL, since = "0.1")
public final class Durations {

    /** What a duration looks like, for error messages. */
    public static final String GRAMMAR =
            "a number and a unit ms, s, m or h, e.g. \"250ms\", \"1.5s\", \"30s\", \"1m\", \"2h\"";

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** The duration {@code text} denotes, or empty if it does not follow the grammar (or is negative). */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal(matcher.group(1));
        BigDecimal nanosPerUnit = BigDecimal.valueOf(switch (matcher.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        });
        BigDecimal nanos = amount.multiply(nanosPerUnit);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(nanos.longValue()));
    }

    /** {@code "1.5s"}, {@code "250ms"}, {@code "2m"}, {@code "1h"}: the shortest exact form in the grammar. */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        if (nanos % 3_600_000_000_000L == 0) {
            return nanos / 3_600_000_000_000L + "h";
        }
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos >= 1_000_000_000L) {
            return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
        }
        return BigDecimal.valueOf(nanos, 6).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT) + "ms";
    }
}
