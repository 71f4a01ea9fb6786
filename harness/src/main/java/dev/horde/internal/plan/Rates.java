package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** The one grammar of arrival rates: a decimal number of iterations per second, minute or hour, e.g. {@code "200/s"}. */
@API(status = INTERNAL, since = "0.1")
public final class Rates {

    /** The grammar, for messages. */
    public static final String GRAMMAR = "a number > 0 per s, m or h, e.g. \"200/s\", \"90/m\" or \"2.5/s\"";
    /** The grammar of a stage's rate, which may be 0, for messages. */
    public static final String STAGE_GRAMMAR = "a number >= 0 per s, m or h, e.g. \"200/s\", \"90/m\" or \"0/s\"";

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|m|h)");

    private Rates() {
    }

    /** Iterations per second of {@code text}, or empty if it is not a rate; 0 is a rate (a stage may ramp to it). */
    public static Optional<Double> parse(String text) {
        Matcher matcher = RATE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        double count = Double.parseDouble(matcher.group(1));
        double perSecond = switch (matcher.group(2)) {
            case "s" -> count;
            case "m" -> count / 60;
            default -> count / 3600;
        };
        return Double.isFinite(perSecond) ? Optional.of(perSecond) : Optional.empty();
    }

    /** {@code "200/s"}, or per minute below one a second: {@code "30/m"}. */
    public static String format(double perSecond) {
        if (perSecond >= 1 || perSecond == 0) {
            return Format.exact(perSecond) + "/s";
        }
        return Format.exact(perSecond * 60) + "/m";
    }
}
