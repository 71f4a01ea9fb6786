package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.control.UserController;
import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Turns a JUnit test method into a capacity search: the load rises in steps from {@link #start()} by {@link #step()}
 * up to {@link #ceiling()}, each step held for {@link #hold()}, and every budget of the test ({@link LatencyBudget},
 * {@link ErrorBudget}, {@link ThroughputBudget}) is judged on each step apart, without its first {@link #settle()}.
 * The search stops at the first step that breaks a budget and reports the highest step that held them all, with the
 * latency and throughput of every step against its load. With {@link #min()}, the test fails when the capacity found
 * is below it.
 *
 * <p>Levels are iterations per second ({@code "50/s"}: the open model, run by a pool of {@link #users()}) or users
 * ({@code "10"}: the closed model). The steps keep the truthfulness rules of a load test: iterations of the open model
 * that start late or never are counted, and a step where the load generator was the limit (more than 1% of its
 * iterations late or never, or this JVM above 90% of all cores) ends the search as inconclusive, not as a capacity:
 * with a {@link #min()} not reached, the test is aborted as inconclusive (see
 * {@link LoadTest#INCONCLUSIVE_PROPERTY_NAME}).
 *
 * <p>The method body is one iteration, as in a {@link LoadTest}; {@link dev.horde.user.User} parameters and
 * {@link #controller()} work the same way.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("load")
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface CapacityTest {

    /** The first step's load: a rate such as {@code "50/s"} (open model) or a number of users such as {@code "10"}. */
    String start();

    /** How much each step adds, in the unit of {@link #start()}. */
    String step();

    /** The highest step, in the unit of {@link #start()}: the search ends there if every step held. */
    String ceiling();

    /** How long each step lasts, e.g. {@code "10s"}. */
    String hold() default "10s";

    /** The start of each step that is not judged while the load settles at its new level; shorter than the hold. */
    String settle() default "2s";

    /** The lowest capacity that passes, in the unit of {@link #start()}; empty (the default): none, only reported. */
    String min() default "";

    /** Open model: the pool of users that runs the arriving iterations; unset: for 2 s of arrivals at the ceiling. */
    int users() default -1;

    /** As {@link LoadTest#controller()}. */
    @SuppressWarnings("rawtypes")
    Class<? extends UserController> controller() default UserController.class;
}
