package dev.horde.internal.jupiter;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** How methods and metrics are named in configuration errors. */
@API(status = INTERNAL, since = "0.1")
public final class ConfigurationErrors {

    private ConfigurationErrors() {
    }

    /** {@code chatters(ChatUser)}. */
    public static String method(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code (metric = "GET /x")}, or nothing for the default metric. */
    static String metric(String metric) {
        return metric.isBlank() ? "" : "(metric = \"" + metric + "\")";
    }
}
