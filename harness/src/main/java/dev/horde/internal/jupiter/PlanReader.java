package dev.horde.internal.jupiter;

import dev.horde.CapacityTest;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.Stage;
import dev.horde.control.UserController;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.CapacityPlan;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.NamedTargets;
import dev.horde.internal.plan.Segment;
import dev.horde.internal.restassured.RestAssuredTarget;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads a {@link LoadPlan} from a method's {@link LoadTest}, {@link Stage}, budget and {@code @Chaos} annotations and
 * the {@code horde.*} configuration, and rejects every invalid value with a message naming where it is, the value
 * and what is allowed.
 */
final class PlanReader {

    private final HordeConfiguration configuration;
    private final Function<String, Optional<String>> parameters;

    /**
     * A reader of {@code configuration}; {@code parameters} (key to value) gives the JUnit timeouts the generator's
     * warm-up must stay within.
     */
    PlanReader(HordeConfiguration configuration, Function<String, Optional<String>> parameters) {
        this.configuration = configuration;
        this.parameters = parameters;
    }

    LoadPlan read(Class<?> testClass, Method method) {
        return read(testClass, method, List.of());
    }

    /** The load part of a plan: from {@link LoadTest} and its stages, or from {@link CapacityTest}. */
    private record Load(ShapeReader.Shape shape, Duration warmUp, int iterations, Duration pacing,
            Class<?> controller, boolean abortOnBreach, Duration abortAfter, List<Adjustment> adjustments,
            CapacityPlan capacity) {
    }

    /** The plan of {@code method}; {@code instances}, the test's instances, give instance {@code @LoadTarget}s. */
    LoadPlan read(Class<?> testClass, Method method, List<Object> instances) {
        Optional<CapacityTest> capacity = AnnotationSupport.findAnnotation(method, CapacityTest.class);
        Load load = capacity.isPresent() ? capacityLoad(capacity.get(), method) : load(method);
        Segment segment = configuration.segment();
        if (capacity.isPresent() && !segment.whole()) {
            throw new LoadTestConfigurationException("@CapacityTest on method [" + ConfigurationErrors.method(method)
                    + "] runs with configuration parameter '" + LoadTest.SEGMENT_PROPERTY_NAME + "' [" + segment
                    + "]: a capacity search judges each step as it runs, which one share of the load cannot do; run it"
                    + " in one JVM.");
        }
        ShapeReader.Shape shape = load.shape();
        LoadTargetReader.Targets loadTargets = LoadTargetReader.read(testClass, instances);
        NamedTargets targets = loadTargets.over(NamedTargetReader.read(parameters));
        BudgetReader.Budgets budgets = BudgetReader.read(testClass, method, configuration.usersFactor(), targets,
                load.abortOnBreach());
        LoadPlan plan = LoadPlan.builder(testClass.getName() + "." + method.getName())
                .users(shape.users())
                .duration(shape.duration())
                .rampUp(shape.rampUp())
                .stages(shape.model(), shape.stages(), shape.declared())
                .warmUp(load.warmUp())
                .iterations(load.iterations())
                .pacing(load.pacing())
                .grace(configuration.grace())
                .requestTimeout(configuration.requestTimeout())
                .threads(configuration.threads())
                .seed(configuration.seed().orElseGet(() -> seed(testClass, method)))
                .progressEvery(configuration.progressEvery())
                .reportDirectory(segment.whole() ? configuration.reportDirectory()
                        : configuration.reportDirectory().resolve(segment.directoryName()))
                .junitDirectory(segment.whole() ? configuration.junitDirectory().orElse(null) : null)
                .segment(segment, configuration.startAt().orElse(null))
                .budgets(budgets.all())
                .abortOn(budgets.abortOn(), load.abortAfter())
                .capacity(load.capacity())
                .targetQueries(TargetMetricReader.read(testClass, method, configuration.prometheusUrl()),
                        configuration.prometheusUrl().orElse(null))
                .failWhenBehind(configuration.failWhenBehind())
                .failWhenInconclusive(configuration.failWhenInconclusive())
                .chaos(ChaosReader.read(testClass, method))
                .generatorWarmUp(generatorWarmUp(testClass, method))
                .target(loadTargets.target().or(configuration::target).orElseGet(RestAssuredTarget::configured))
                .controller(load.controller())
                .unreachableStop(configuration.unreachableStop())
                .adjustments(load.adjustments())
                .namedTargets(targets)
                .containers(ResourceBudgetReader.read(testClass, method, loadTargets.containers()))
                .tracing(configuration.tracing(), configuration.traceLink().orElse(null))
                .build();
        return RegressionReader.apply(plan, testClass, method, configuration);
    }

    /**
     * A seed for a run without {@code horde.seed}: random in one JVM; in a segment, the same in every segment (from the
     * test and the common start), so that each user behaves as it does when one JVM runs the whole plan.
     */
    private long seed(Class<?> testClass, Method method) {
        if (configuration.segment().whole()) {
            return new SplittableRandom().nextLong();
        }
        long start = configuration.startAt().map(Instant::toEpochMilli).orElse(0L);
        return new SplittableRandom((testClass.getName() + "." + method.getName()).hashCode() * 31L + start).nextLong();
    }

    private Load load(Method method) {
        LoadTest annotation = AnnotationSupport.findAnnotation(method, LoadTest.class).orElseThrow();
        String where = "@LoadTest on method [" + ConfigurationErrors.method(method) + "]";
        ShapeReader shapes = new ShapeReader(configuration, annotation, where);
        ShapeReader.Shape shape = shapes.read(AnnotationSupport.findRepeatableAnnotations(method, Stage.class), method);
        Duration warmUp = warmUp(shapes, annotation, where, shape);
        if (annotation.iterations() < 0) {
            throw new LoadTestConfigurationException(where + " must declare 'iterations' >= 0 (0 means no limit) but was ["
                    + annotation.iterations() + "].");
        }
        if (shape.model() == LoadModel.OPEN && annotation.iterations() > 0) {
            throw new LoadTestConfigurationException(where + " declares both a rate and 'iterations' ["
                    + annotation.iterations() + "]: in the open model iterations arrive at the rate until the end;"
                    + " remove 'iterations'.");
        }
        return new Load(shape, warmUp, annotation.iterations(), pacing(annotation, where, shape.model()),
                controller(annotation.controller()), annotation.abortOnBreach(), abortAfter(annotation, where),
                shapes.adjustments(), null);
    }

    private static Load capacityLoad(CapacityTest annotation, Method method) {
        String where = "@CapacityTest on method [" + ConfigurationErrors.method(method) + "]";
        if (AnnotationSupport.isAnnotated(method, LoadTest.class)) {
            throw new LoadTestConfigurationException(where + " is also a @LoadTest: a method is one or the other;"
                    + " remove one.");
        }
        if (!AnnotationSupport.findRepeatableAnnotations(method, Stage.class).isEmpty()) {
            throw new LoadTestConfigurationException(where + " has @Stage annotations: a capacity search makes its"
                    + " own steps; remove them.");
        }
        CapacityReader.Read read = CapacityReader.read(annotation, where);
        return new Load(read.shape(), Duration.ZERO, 0, Duration.ZERO, controller(annotation.controller()), false,
                Duration.ZERO, List.of(), read.plan());
    }

    @SuppressWarnings("rawtypes")
    private static Class<?> controller(Class<? extends UserController> controller) {
        return controller == UserController.class ? null : controller;
    }

    private static Duration abortAfter(LoadTest annotation, String where) {
        return annotation.abortAfter().isBlank() ? Duration.ZERO
                : ValueParsers.duration(annotation.abortAfter(), where + " has 'abortAfter'");
    }

    private Duration warmUp(ShapeReader shapes, LoadTest annotation, String where, ShapeReader.Shape shape) {
        ShapeReader.Setting warmUp = shapes.duration("warmUp", annotation.warmUp(), configuration.warmUp(),
                LoadTest.WARM_UP_PROPERTY_NAME, Duration.ZERO);
        if (warmUp.value().compareTo(shape.duration()) >= 0) {
            throw new LoadTestConfigurationException(where + ": " + warmUp + " is not shorter than "
                    + shape.durationText() + "; the warm-up is not measured, so it must leave part of the run to measure.");
        }
        return warmUp.value();
    }

    private static Duration pacing(LoadTest annotation, String where, LoadModel model) {
        if (annotation.pacing().isBlank()) {
            return Duration.ZERO;
        }
        Duration pacing = ValueParsers.duration(annotation.pacing(), where + " has 'pacing'");
        if (pacing.isZero()) {
            throw new LoadTestConfigurationException(where + " has 'pacing' [" + annotation.pacing()
                    + "], which must be > 0; leave it empty for back-to-back iterations.");
        }
        if (model == LoadModel.OPEN) {
            throw new LoadTestConfigurationException(where + " declares both a rate and 'pacing' ["
                    + annotation.pacing() + "]: pacing spaces the iterations of each user in the closed model,"
                    + " a rate spaces all iterations in the open model; keep one.");
        }
        return pacing;
    }

    /**
     * The cap of the generator's warm-up: {@value LoadTest#GENERATOR_WARM_UP_PROPERTY_NAME}, at most a quarter of a
     * JUnit timeout of the test, since the warm-up runs within it; zero for none.
     */
    private Duration generatorWarmUp(Class<?> testClass, Method method) {
        if (configuration.generatorWarmUp().isEmpty()) {
            return Duration.ZERO;
        }
        Duration cap = configuration.generatorWarmUp().get();
        Optional<Duration> timeout = JUnitTimeout.of(testClass, method, parameters);
        return timeout.map(t -> t.dividedBy(4)).filter(quarter -> quarter.compareTo(cap) < 0).orElse(cap);
    }
}
