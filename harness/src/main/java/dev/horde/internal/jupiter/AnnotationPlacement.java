package dev.horde.internal.jupiter;

import dev.horde.Chaos;
import dev.horde.ErrorBudget;
import dev.horde.LatencyBudget;
import dev.horde.CapacityTest;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.Stage;
import dev.horde.TargetMetric;
import dev.horde.ThroughputBudget;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Refuses budgets, stages and chaos that would have no effect: none is ever silently ignored. */
final class AnnotationPlacement {

    private static final List<Class<? extends Annotation>> BUDGETS =
            List.of(LatencyBudget.class, ErrorBudget.class, ThroughputBudget.class, TargetMetric.class);

    private AnnotationPlacement() {
    }

    static boolean isLoadTest(Method method) {
        return AnnotationSupport.isAnnotated(method, LoadTest.class)
                || AnnotationSupport.isAnnotated(method, CapacityTest.class);
    }

    /** A method that is not a load test must carry no budget, no stage and no chaos. */
    static void checkMethod(Method method) {
        if (!AnnotationSupport.findRepeatableAnnotations(method, Stage.class).isEmpty()) {
            throw new LoadTestConfigurationException("@Stage on method [" + ConfigurationErrors.method(method)
                    + "] has no effect: the method is not a @LoadTest. Add @LoadTest or remove the stages.");
        }
        if (AnnotationSupport.isAnnotated(method, Chaos.class)) {
            throw new LoadTestConfigurationException("@Chaos on method [" + ConfigurationErrors.method(method)
                    + "] has no effect: the method is not a @LoadTest. Add @LoadTest or remove @Chaos.");
        }
        budget(method).ifPresent(budget -> {
            throw new LoadTestConfigurationException("@" + budget + " on method [" + ConfigurationErrors.method(method)
                    + "] has no effect: the method is not a @LoadTest. Add @LoadTest or remove the budget.");
        });
    }

    /** A class that declares budgets must have a load test for them to apply to. */
    static void checkClass(Class<?> testClass) {
        Optional<String> budget = budget(testClass);
        if (budget.isPresent() && !hasLoadTest(testClass)) {
            throw new LoadTestConfigurationException("@" + budget.get() + " on class [" + testClass.getSimpleName()
                    + "] has no effect: the class has no @LoadTest method. Add one or remove the budget.");
        }
    }

    private static boolean hasLoadTest(Class<?> testClass) {
        return !ReflectionSupport.findMethods(testClass, AnnotationPlacement::isLoadTest, HierarchyTraversalMode.TOP_DOWN)
                        .isEmpty()
                || ReflectionSupport.findNestedClasses(testClass, c -> AnnotationSupport.isAnnotated(c, Nested.class))
                        .stream().anyMatch(AnnotationPlacement::hasLoadTest);
    }

    private static Optional<String> budget(AnnotatedElement element) {
        return BUDGETS.stream()
                .filter(type -> !AnnotationSupport.findRepeatableAnnotations(element, type).isEmpty())
                .map(Class::getSimpleName)
                .findFirst();
    }
}
