package dev.horde;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks the field or no-argument method of a load test's class that gives its target: a Testcontainers container
 * (any {@code GenericContainer}, or another {@code ContainerState}), a {@link java.net.URI}, a {@link java.net.URL} or
 * a {@link String} URL. Read before each load test, after the container started (by Testcontainers' extension, in
 * {@code @BeforeAll} or in a static initializer), and applied as {@value LoadTest#TARGET_PROPERTY_NAME} would be:
 *
 * <pre>{@code
 * @Container
 * @LoadTarget(port = 8080)
 * static GenericContainer<?> service = new GenericContainer<>("my-service:latest").withExposedPorts(8080);
 * }</pre>
 *
 * <p>A container target is reached at {@code http://<host>:<mapped port>}, and while the test runs Horde samples the
 * container's CPU, memory and network through the Docker API (see {@link TargetResourceBudget}). A container that is
 * not running, a port it does not expose, a value that is not an http(s) URL, or two targets of one name fail the test
 * before any user starts. Static or instance members; in the test class, its superclasses, and the classes enclosing
 * a {@code @Nested} one.
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LoadTarget {

    /**
     * The target's name: empty for the test's default target (what {@code api()} and REST Assured reach), or a named
     * target that users reach with {@code api("name")}, as {@value LoadTest#TARGET_PROPERTY_NAME}{@code .<name>}.
     */
    String name() default "";

    /** The container's port to reach, one it exposes; 0 for the first exposed port. Only for containers. */
    int port() default 0;

    /** Scheme of a container target's URL: {@code http} or {@code https}. */
    String scheme() default "http";
}
