package dev.horde.internal.jupiter;

import dev.horde.Chaos;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.plan.ChaosPlan;
import dev.horde.internal.plan.Durations;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads a method's {@link Chaos} (or its class's) into a {@link ChaosPlan}, failing on values that make no sense. */
final class ChaosReader {

    static final String DELAYS = "a duration such as \"20ms\", or a range such as \"10ms..50ms\"";

    private ChaosReader() {
    }

    static ChaosPlan read(Class<?> testClass, Method method) {
        Optional<Chaos> chaos = AnnotationSupport.findAnnotation(method, Chaos.class);
        String where = "@Chaos on method [" + ConfigurationErrors.method(method) + "]";
        for (Class<?> c = testClass; chaos.isEmpty() && c != null;
                c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            chaos = AnnotationSupport.findAnnotation(c, Chaos.class);
            where = "@Chaos on class [" + c.getSimpleName() + "]";
        }
        return chaos.isEmpty() ? ChaosPlan.NONE : read(chaos.get(), where);
    }

    private static ChaosPlan read(Chaos chaos, String where) {
        Duration min = Duration.ZERO;
        Duration max = Duration.ZERO;
        String delay = chaos.delay().strip();
        if (!delay.isEmpty()) {
            String[] bounds = delay.split("\\.\\.", -1);
            if (bounds.length > 2) {
                throw notADelay(where, chaos.delay());
            }
            min = Durations.parse(bounds[0]).orElseThrow(() -> notADelay(where, chaos.delay()));
            max = bounds.length == 1 ? min : Durations.parse(bounds[1]).orElseThrow(() -> notADelay(where, chaos.delay()));
            if (max.compareTo(min) < 0) {
                throw new LoadTestConfigurationException(where + " has 'delay' [" + chaos.delay()
                        + "], a range from high to low: write the shorter duration first, e.g. \"10ms..50ms\".");
            }
        }
        ChaosPlan plan = new ChaosPlan(min, max, share(where, "abort", chaos.abort()),
                share(where, "malformed", chaos.malformed()), share(where, "dropWebSockets", chaos.dropWebSockets()));
        if (!plan.on()) {
            throw new LoadTestConfigurationException(where + " switches nothing on: set 'delay', 'abort', 'malformed'"
                    + " or 'dropWebSockets', e.g. @Chaos(abort = 0.05).");
        }
        return plan;
    }

    private static double share(String where, String attribute, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new LoadTestConfigurationException(where + " must declare '" + attribute + "' from 0 to 1 (0.05 is"
                    + " 5% of them) but was [" + value + "].");
        }
        return value;
    }

    private static LoadTestConfigurationException notADelay(String where, String text) {
        return new LoadTestConfigurationException(where + " has 'delay' [" + text + "], which is neither a duration"
                + " nor a range: use " + DELAYS + ", durations being " + Durations.GRAMMAR + ".");
    }
}
