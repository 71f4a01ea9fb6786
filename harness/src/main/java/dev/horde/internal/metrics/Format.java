package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** How measured quantities read in messages and tables: {@code 18,204}, {@code 41.2 ms}, {@code 9.8%}, {@code 85.2/s}. */
@API(status = INTERNAL, since = "0.1")
public final class Format {

    private static final int BODY_EXCERPT = 200;

    private Format() {
    }

    /** A count with thousands separators: {@code 18,204}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** {@code count} and the noun, singular for one: {@code "1 user"}, {@code "1,200 users"}. */
    public static String count(long count, String singular) {
        return count(count) + ' ' + singular + (count == 1 ? "" : "s");
    }

    /** Milliseconds with three significant digits below 1 s: {@code 0.412 ms}, {@code 41.2 ms}, {@code 1,204 ms}. */
    public static String millis(double millis) {
        return number(millis) + " ms";
    }

    /** A number with three significant digits below 100, whole above: {@code 0.412}, {@code 41.2}, {@code 1,204}, {@code 1}. */
    public static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100 || magnitude == 0) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        String text = String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
        return text.replaceAll("\\.?0+$", "");
    }

    /** A configured value as written, up to three decimals, without trailing zeros: {@code 200}, {@code 0.5}. */
    public static String exact(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /** The start of a response body on one line, for messages: {@code ": {"error":"not found"}"}; empty for no body. */
    public static String bodyExcerpt(String body) {
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "";
        }
        return ": " + (text.length() > BODY_EXCERPT ? text.substring(0, BODY_EXCERPT) + "…" : text);
    }

    /** A fraction as a percentage: {@code 9.8%}, {@code 1.0%}, {@code 0.05%}, {@code 0%}. */
    public static String percent(double fraction) {
        double percent = fraction * 100;
        if (percent == 0) {
            return "0%";
        }
        return String.format(Locale.ROOT, percent >= 1 ? "%.1f%%" : "%.2f%%", percent);
    }

    /** Bytes in binary units: {@code 512 B}, {@code 12.5 KiB}, {@code 412.3 MiB}, {@code 1.50 GiB}. */
    public static String bytes(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f B", value)
                : String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s", value,
                        units[unit]);
    }

    /** A rate per second: {@code 85.2/s}. */
    public static String perSecond(double rate) {
        return (rate >= 100 ? String.format(Locale.ROOT, "%,.0f", rate) : String.format(Locale.ROOT, "%.1f", rate)) + "/s";
    }
}
