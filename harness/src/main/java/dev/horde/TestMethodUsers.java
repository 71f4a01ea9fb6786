package dev.horde;

import dev.horde.engine.Iteration;
import dev.horde.engine.UserFactory;
import dev.horde.user.User;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Virtual users whose iteration is a call of the test method: arguments JUnit resolved are shared, and each
 * {@link User} parameter gets a new instance per virtual user. The method is called through a method handle, so an
 * iteration costs no reflection.
 */
final class TestMethodUsers implements UserFactory {

    private final MethodHandle body;
    private final Object[] sharedArguments;
    private final int[] userSlots;
    private final Constructor<?>[] userConstructors;

    private TestMethodUsers(MethodHandle body, Object[] sharedArguments, int[] userSlots, Constructor<?>[] constructors) {
        this.body = body;
        this.sharedArguments = sharedArguments;
        this.userSlots = userSlots;
        this.userConstructors = constructors;
    }

    /** Users of {@code method} on {@code target} (null for a static method); rejects user types it cannot create. */
    static TestMethodUsers of(Method method, Object target, List<Object> resolvedArguments) {
        Parameter[] parameters = method.getParameters();
        List<Integer> slots = new ArrayList<>();
        List<Constructor<?>> constructors = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (User.class.isAssignableFrom(parameters[i].getType())) {
                slots.add(i);
                constructors.add(constructor(method, parameters[i]));
            }
        }
        return new TestMethodUsers(handle(method, target), resolvedArguments.toArray(),
                slots.stream().mapToInt(Integer::intValue).toArray(), constructors.toArray(new Constructor<?>[0]));
    }

    @Override
    public Iteration newUser(int userIndex) throws Throwable {
        Object[] arguments = sharedArguments.clone();
        for (int i = 0; i < userSlots.length; i++) {
            try {
                arguments[userSlots[i]] = userConstructors[i].newInstance();
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        return () -> {
            body.invokeExact(arguments); // a statement, so the call site's type is (Object[])void
        };
    }

    private static MethodHandle handle(Method method, Object target) {
        try {
            method.setAccessible(true);
            MethodHandle handle = MethodHandles.lookup().unreflect(method);
            if (!Modifier.isStatic(method.getModifiers())) {
                handle = handle.bindTo(target);
            }
            return handle.asSpreader(Object[].class, method.getParameterCount())
                    .asType(MethodType.methodType(void.class, Object[].class));
        } catch (IllegalAccessException | RuntimeException e) {
            throw new LoadTestConfigurationException("@LoadTest on method [" + Describe.method(method)
                    + "] cannot be called by the harness: " + e.getMessage());
        }
    }

    private static Constructor<?> constructor(Method method, Parameter parameter) {
        Class<?> type = parameter.getType();
        String where = "@LoadTest method [" + Describe.method(method) + "] has parameter [" + type.getSimpleName() + " "
                + parameter.getName() + "]";
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new LoadTestConfigurationException(where + ", but [" + type.getName() + "] is "
                    + (type.isInterface() ? "an interface" : "abstract")
                    + ": declare a concrete class implementing " + User.class.getName()
                    + " so that each virtual user gets its own instance.");
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
                    + "] has no constructor without parameters: add one so that each virtual user gets its own instance.");
        }
    }
}
