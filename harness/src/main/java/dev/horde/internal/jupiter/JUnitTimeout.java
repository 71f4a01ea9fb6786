package dev.horde.internal.jupiter;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit timeout a test method runs under, as JUnit reads it: {@link Timeout} on the method, then on its class and
 * the classes enclosing a {@link Nested} one, then the default timeout configuration parameters.
 */
final class JUnitTimeout {

    private static final List<String> DEFAULTS = List.of("junit.jupiter.execution.timeout.test.method.default",
            "junit.jupiter.execution.timeout.testable.method.default", "junit.jupiter.execution.timeout.default");
    private static final Pattern DURATION = Pattern.compile("([1-9]\\d*) ?((?:[nμm]?s)|m|h|d)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private JUnitTimeout() {
    }

    static Optional<Duration> of(Class<?> testClass, Method method, Function<String, Optional<String>> configuration) {
        Optional<Timeout> annotation = AnnotationSupport.findAnnotation(method, Timeout.class);
        for (Class<?> c = testClass; annotation.isEmpty() && c != null;
                c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            annotation = AnnotationSupport.findAnnotation(c, Timeout.class);
        }
        if (annotation.isPresent()) {
            return Optional.of(Duration.of(annotation.get().value(), annotation.get().unit().toChronoUnit()));
        }
        for (String key : DEFAULTS) {
            Optional<Duration> value = configuration.apply(key).flatMap(JUnitTimeout::parse);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** A timeout in JUnit's format: {@code 42}, {@code 42 ms}, {@code 5 s}, {@code 2m}, … (seconds by default). */
    static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2).toLowerCase(Locale.ROOT);
        return Optional.of(switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "μs" -> Duration.ofNanos(amount * 1_000);
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        });
    }
}
