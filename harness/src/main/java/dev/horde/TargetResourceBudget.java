package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Limits on what a container target ({@link LoadTarget}) used while the test loaded it, sampled from the Docker API
 * every second of the measured window: CPU in cores, memory in bytes (as {@code docker stats} counts it, without the
 * page cache), and the share of time the CPU was throttled by the container's quota.
 *
 * <pre>{@code
 * @TargetResourceBudget(cpu = "1.5", memory = "512MB")
 * }</pre>
 *
 * <p>Empty attributes set no limit; the readings are reported either way. Repeatable (one per target); on a
 * {@link LoadTest} method, or on its class where it applies to every load test of the class.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(TargetResourceBudget.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface TargetResourceBudget {

    /** The container target the limits are for: its {@link LoadTarget#name()}, empty for the default target. */
    String target() default "";

    /** Highest CPU use in cores, e.g. {@code "1.5"}; empty for none. */
    String cpu() default "";

    /**
     * Highest memory use: bytes with a unit, {@code 512MB}, {@code 1.5GiB}, {@code 800KB} (1 MB = 1024 KB); empty for
     * none.
     */
    String memory() default "";

    /** Highest share of time throttled by a CPU quota, e.g. {@code "5%"}; empty for none. */
    String throttled() default "";

    /** Which value of the measured window the limits judge. */
    TargetMetric.Over over() default TargetMetric.Over.WORST;

    /** Container of repeated {@link TargetResourceBudget}s. */
    @Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The repeated budgets. */
        TargetResourceBudget[] value();
    }
}
