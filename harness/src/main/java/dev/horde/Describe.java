package dev.horde;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How methods and metrics are named in configuration errors. */
final class Describe {

    private Describe() {
    }

    /** {@code chatters(ChatUser)}. */
    static String method(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** {@code (metric = "GET /x")}, or nothing for the default metric. */
    static String metric(String metric) {
        return metric.isBlank() ? "" : "(metric = \"" + metric + "\")";
    }
}
