package dev.horde.internal.script;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.control.UserController;
import dev.horde.internal.jupiter.ConfigurationErrors;
import dev.horde.user.User;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/** Checks that the harness can create a test's users and controller, one per virtual user, and finds how. */
final class UserTypes {

    private UserTypes() {
    }

    /** The no-argument constructor of a {@link User} parameter's type. */
    static Constructor<?> constructor(Method method, Parameter parameter) {
        Class<?> type = parameter.getType();
        String where = "@LoadTest method [" + ConfigurationErrors.method(method) + "] has parameter [" + type.getSimpleName() + " "
                + parameter.getName() + "]";
        return noArgumentConstructor(type, where, "declare a concrete class implementing " + User.class.getName(),
                "each virtual user gets its own instance");
    }

    /** The no-argument constructor of {@code type}, after checking it drives the method's user parameter. */
    static Constructor<?> controller(Method method, Class<?> type, List<Parameter> userParameters) {
        String where = "@LoadTest on method [" + ConfigurationErrors.method(method) + "] names controller [" + type.getSimpleName()
                + "]";
        Constructor<?> constructor = noArgumentConstructor(type, where, "name a concrete class implementing "
                + UserController.class.getName(), "each virtual user gets its own controller");
        Class<?> driven = drivenUserType(type).orElse(User.class);
        if (userParameters.size() != 1) {
            throw new LoadTestConfigurationException(where + ", which drives users of type [" + driven.getSimpleName()
                    + "]: declare exactly one parameter of that type, the user it drives, but the method has "
                    + userParameters.size() + ".");
        }
        Class<?> declared = userParameters.get(0).getType();
        if (!driven.isAssignableFrom(declared)) {
            throw new LoadTestConfigurationException(where + ", which drives users of type [" + driven.getSimpleName()
                    + "], but the method's user parameter is of type [" + declared.getSimpleName() + "].");
        }
        return constructor;
    }

    private static Constructor<?> noArgumentConstructor(Class<?> type, String where, String instead, String why) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new LoadTestConfigurationException(where + ", but [" + type.getName() + "] is "
                    + (type.isInterface() ? "an interface" : "abstract") + ": " + instead + " so that " + why + ".");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new LoadTestConfigurationException(where + ", but [" + type.getName()
                    + "] is an inner class: make it static (or top-level) so that the harness can create it.");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new LoadTestConfigurationException(where + ", but [" + type.getName()
                    + "] has no constructor without parameters: add one so that " + why + ".");
        }
    }

    /** The {@code U} of {@code UserController<U>} that {@code type} implements, where it is a class. */
    private static Optional<Class<?>> drivenUserType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<Type> supertypes = new java.util.ArrayList<>(List.of(c.getGenericInterfaces()));
            supertypes.add(c.getGenericSuperclass());
            for (Type supertype : supertypes) {
                if (supertype instanceof ParameterizedType parameterized
                        && parameterized.getRawType() instanceof Class<?> raw
                        && UserController.class.isAssignableFrom(raw)
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> driven) {
                    return Optional.of(driven);
                }
            }
        }
        return Optional.empty();
    }

    /** Which of set-up and tear-down some user type overrides: only those are timed, as user code. */
    record Lifecycle(boolean setUp, boolean tearDown) {

        static Lifecycle of(List<? extends Class<?>> userTypes) {
            return new Lifecycle(userTypes.stream().anyMatch(type -> overrides(type, "setUp")),
                    userTypes.stream().anyMatch(type -> overrides(type, "tearDown")));
        }

        private static boolean overrides(Class<?> type, String method) {
            try {
                return type.getMethod(method).getDeclaringClass() != User.class;
            } catch (NoSuchMethodException e) {
                return false;
            }
        }
    }
}
