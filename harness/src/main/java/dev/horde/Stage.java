package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.internal.jupiter.LoadTestExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One stage of a {@link LoadTest}'s load shape: over {@link #duration()}, the load moves in a straight line from
 * where the previous stage ended (zero before the first) to {@link #users()} (closed model) or {@link #rate()}
 * (open model). Repeat it, in order, for shapes such as ramp, hold, ramp down:
 *
 * <pre>{@code
 * @LoadTest
 * @Stage(duration = "30s", users = 100)
 * @Stage(duration = "2m", users = 100)
 * @Stage(duration = "30s", users = 0)
 * void browse() { ... }
 * }</pre>
 *
 * The run lasts as long as its stages together, so the test declares neither {@link LoadTest#duration()} nor
 * {@link LoadTest#rampUp()}. All stages of a test give users, or all give a rate; with rates,
 * {@link LoadTest#users()} is the pool of users that runs the arriving iterations. When a stage lowers the users,
 * the users above the new level finish their iteration, tear down and leave.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Stage.List.class)
@ExtendWith(LoadTestExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Stage {

    /** How long the stage lasts, in the duration grammar of {@link LoadTest}; {@code "0s"} jumps at once. */
    String duration();

    /** Users at the end of the stage, &gt;= 0 (closed model); -1 (the default) when the stage gives a rate. */
    int users() default -1;

    /** Iterations per second at the end of the stage, e.g. {@code "200/s"} (open model); empty when it gives users. */
    String rate() default "";

    /** Container of repeated {@link Stage}s. */
    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @ExtendWith(LoadTestExtension.class)
    @API(status = EXPERIMENTAL, since = "0.1")
    @interface List {
        /** The stages, in order. */
        Stage[] value();
    }
}
