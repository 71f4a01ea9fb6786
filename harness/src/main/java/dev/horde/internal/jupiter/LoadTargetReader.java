package dev.horde.internal.jupiter;

import dev.horde.LoadTarget;
import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.container.ContainerTarget;
import dev.horde.internal.container.Containers;
import dev.horde.internal.plan.NamedTargets;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Reads the {@link LoadTarget} fields and methods of a load test's class, its superclasses and the classes enclosing a
 * {@link Nested} one, when the test is about to run: after Testcontainers' extension and {@code @BeforeAll} started
 * the containers.
 */
final class LoadTargetReader {

    private LoadTargetReader() {
    }

    /**
     * The targets the members of {@code testClass} give.
     *
     * @param instances the test's instances, outermost first, for instance members; empty for static ones only
     */
    static Targets read(Class<?> testClass, List<Object> instances) {
        Map<String, Found> byName = new LinkedHashMap<>();
        for (Class<?> c = testClass; c != null;
                c = c.isAnnotationPresent(Nested.class) ? c.getEnclosingClass() : null) {
            for (Field field : AnnotationSupport.findAnnotatedFields(c, LoadTarget.class)) {
                add(field, field.getAnnotation(LoadTarget.class), instances, byName);
            }
            for (Method method : AnnotationSupport.findAnnotatedMethods(c, LoadTarget.class,
                    HierarchyTraversalMode.TOP_DOWN)) {
                add(method, method.getAnnotation(LoadTarget.class), instances, byName);
            }
        }
        URI defaultTarget = null;
        Map<String, URI> named = new LinkedHashMap<>();
        List<ContainerTarget> containers = new ArrayList<>();
        for (Found found : byName.values()) {
            if (found.name().isEmpty()) {
                defaultTarget = found.uri();
            } else {
                named.put(found.name(), found.uri());
            }
            if (found.container() != null) {
                containers.add(found.container());
            }
        }
        return new Targets(Optional.ofNullable(defaultTarget), named, containers);
    }

    /**
     * What the {@link LoadTarget} members gave.
     *
     * @param target the default target, if a member gives it
     * @param named the named targets, by name
     * @param containers the targets that are containers
     */
    record Targets(Optional<URI> target, Map<String, URI> named, List<ContainerTarget> containers) {

        /** {@code named} added to {@code configured}, which they replace where both name a target. */
        NamedTargets over(NamedTargets configured) {
            if (named.isEmpty()) {
                return configured;
            }
            Map<String, URI> all = new LinkedHashMap<>(configured.byName());
            all.putAll(named);
            return new NamedTargets(all);
        }
    }

    private record Found(String name, URI uri, ContainerTarget container, String where) {
    }

    private static void add(Member member, LoadTarget annotation, List<Object> instances, Map<String, Found> byName) {
        String kind = member instanceof Field ? "field" : "method";
        String where = "@LoadTarget" + (annotation.name().isEmpty() ? "" : "(name = \"" + annotation.name() + "\")")
                + " on " + kind + " [" + member.getDeclaringClass().getSimpleName() + "." + member.getName() + "]";
        String name = annotation.name().strip();
        if (!name.isEmpty() && !NamedTargets.NAME.matcher(name).matches()) {
            throw new LoadTestConfigurationException(where + " has 'name' [" + annotation.name() + "]: a name is"
                    + " letters, digits, '_', '.' or '-', starting with a letter or digit; empty for the default"
                    + " target.");
        }
        Found other = byName.get(name);
        if (other != null) {
            throw new LoadTestConfigurationException(where + " and " + other.where() + " both give the "
                    + (name.isEmpty() ? "default target" : "target [" + name + "]") + "; a test has one of each name:"
                    + " name the others, e.g. @LoadTarget(name = \"auth\").");
        }
        Object value = value(member, where, instances);
        if (value == null) {
            throw new LoadTestConfigurationException(where + " is null when the load test starts: assign it (a"
                    + " container, URI, URL or String) before, in a static initializer or @BeforeAll.");
        }
        if (Containers.isContainer(value)) {
            ContainerTarget container = Containers.target(value, name, annotation, where);
            byName.put(name, new Found(name, container.uri(), container, where));
            return;
        }
        if (annotation.port() != 0) {
            throw new LoadTestConfigurationException(where + " has 'port' [" + annotation.port() + "], which only a"
                    + " container target takes; the value is a " + value.getClass().getSimpleName() + ": put the port"
                    + " in its URL.");
        }
        byName.put(name, new Found(name, url(value, where), null, where));
    }

    private static Object value(Member member, String where, List<Object> instances) {
        boolean isStatic = Modifier.isStatic(member.getModifiers());
        Object instance = null;
        if (!isStatic) {
            instance = instances.stream().filter(member.getDeclaringClass()::isInstance).reduce((a, b) -> b)
                    .orElseThrow(() -> new LoadTestConfigurationException(where + " is an instance member, and the"
                            + " test has no instance of its class: make it static."));
        }
        try {
            if (member instanceof Field field) {
                field.setAccessible(true);
                return field.get(instance);
            }
            Method method = (Method) member;
            if (method.getParameterCount() != 0) {
                throw new LoadTestConfigurationException(where + " takes parameters; a @LoadTarget method takes none"
                        + " and returns the target.");
            }
            method.setAccessible(true);
            return method.invoke(instance);
        } catch (InvocationTargetException e) {
            throw new LoadTestConfigurationException(where + " threw " + e.getCause(), e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            if (e instanceof LoadTestConfigurationException configuration) {
                throw configuration;
            }
            throw new LoadTestConfigurationException(where + " cannot be read: " + e, e);
        }
    }

    private static URI url(Object value, String where) {
        if (!(value instanceof URI || value instanceof URL || value instanceof CharSequence)) {
            throw new LoadTestConfigurationException(where + " is a " + value.getClass().getName() + ": a load target"
                    + " is a Testcontainers container" + (Containers.available() ? "" : " (with Testcontainers on"
                    + " the class path)") + ", a URI, a URL or a String such as http://127.0.0.1:8080.");
        }
        String text = value.toString().strip();
        return HttpUrls.parse(text).orElseThrow(() -> new LoadTestConfigurationException(where + " gives ["
                + HttpUrls.shown(text) + "], which is not an absolute http or https URL such as"
                + " http://127.0.0.1:8080 (as -D" + LoadTest.TARGET_PROPERTY_NAME + " takes)."));
    }
}
