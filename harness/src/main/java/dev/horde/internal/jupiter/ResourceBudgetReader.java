package dev.horde.internal.jupiter;

import dev.horde.LoadTarget;
import dev.horde.LoadTestConfigurationException;
import dev.horde.TargetResourceBudget;
import dev.horde.internal.container.ContainerTarget;
import dev.horde.internal.container.ResourceLimits;
import dev.horde.internal.prometheus.Limit;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the {@link TargetResourceBudget}s of a load test, method first, then its class and the classes enclosing a
 * {@link Nested} one (the first for a target wins), and gives them to the container targets they name.
 */
final class ResourceBudgetReader {

    private ResourceBudgetReader() {
    }

    /** {@code containers}, each with the limits a budget of the test sets on it. */
    static List<ContainerTarget> read(Class<?> testClass, Method method, List<ContainerTarget> containers) {
        Map<String, ResourceLimits> limits = new LinkedHashMap<>();
        read(method, "method [" + ConfigurationErrors.method(method) + "]", containers, limits);
        for (Class<?> c = testClass; c != null;
                c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            read(c, "class [" + c.getSimpleName() + "]", containers, limits);
        }
        List<ContainerTarget> judged = new ArrayList<>();
        for (ContainerTarget container : containers) {
            judged.add(container.withLimits(limits.getOrDefault(container.name(), ResourceLimits.NONE)));
        }
        return judged;
    }

    private static void read(AnnotatedElement element, String where, List<ContainerTarget> containers,
            Map<String, ResourceLimits> limits) {
        List<String> seen = new ArrayList<>();
        for (TargetResourceBudget budget
                : AnnotationSupport.findRepeatableAnnotations(element, TargetResourceBudget.class)) {
            String target = budget.target().strip();
            String at = "@TargetResourceBudget" + (target.isEmpty() ? "" : "(target = \"" + target + "\")") + " on "
                    + where;
            if (seen.contains(target)) {
                throw new LoadTestConfigurationException(at + " repeats the target of another @TargetResourceBudget"
                        + " there; put all limits of a target in one.");
            }
            seen.add(target);
            Limit cpu = limit(at, "cpu", budget.cpu(), Limit::parse, Limit.Style.NUMBER,
                    "a number of cores such as 1.5");
            Limit memory = limit(at, "memory", budget.memory(), Limit::bytes, Limit.Style.BYTES, Limit.BYTES_GRAMMAR);
            Limit throttled = limit(at, "throttled", budget.throttled(), Limit::parse, Limit.Style.RATIO,
                    "a percentage such as 5%");
            if (containers.stream().noneMatch(container -> container.name().equals(target))) {
                String known = containers.stream().map(c -> c.name().isEmpty() ? "the default target" : c.name())
                        .collect(Collectors.joining(", "));
                throw new LoadTestConfigurationException(at + " is for " + (target.isEmpty() ? "the default target"
                        : "target [" + target + "]") + ", which is not a container: give it with @"
                        + LoadTarget.class.getSimpleName() + " on a Testcontainers container; container targets: "
                        + (known.isEmpty() ? "none" : known) + ".");
            }
            limits.putIfAbsent(target, new ResourceLimits(cpu, memory, throttled, budget.over(), at));
        }
    }

    private static Limit limit(String at, String attribute, String text, Function<String, Optional<Limit>> parse,
            Limit.Style style, String allowed) {
        if (text.isBlank()) {
            return null;
        }
        Optional<Limit> limit = parse.apply(text).filter(l -> l.value() >= 0 && l.style() == style);
        if (limit.isEmpty()) {
            throw new LoadTestConfigurationException(at + " has '" + attribute + "' [" + text + "], which must be "
                    + allowed + ", or empty for no limit.");
        }
        return limit.get();
    }
}
