package dev.horde.internal.script;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.control.UserController;
import dev.horde.internal.engine.UserFactory;
import dev.horde.internal.engine.UserScript;
import dev.horde.internal.jupiter.ConfigurationErrors;
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
import java.util.random.RandomGenerator;
import org.apiguardian.api.API;

/**
 * Virtual users of a load test method: arguments JUnit resolved are shared, each {@link User} parameter gets a new
 * instance per virtual user, and each iteration calls the method through a method handle (no reflection per call) —
 * or, with a controller, performs the step the controller chooses.
 */
@API(status = INTERNAL, since = "0.1")
public final class MethodScriptFactory implements UserFactory {

    private final MethodHandle body;
    private final Object[] sharedArguments;
    private final int[] userSlots;
    private final Constructor<?>[] userConstructors;
    private final UserTypes.Lifecycle lifecycle;
    private final Constructor<?> controller;

    private MethodScriptFactory(MethodHandle body, Object[] sharedArguments, int[] userSlots, Constructor<?>[] constructors,
            Constructor<?> controller) {
        this.body = body;
        this.sharedArguments = sharedArguments;
        this.userSlots = userSlots;
        this.userConstructors = constructors;
        this.controller = controller;
        this.lifecycle = UserTypes.Lifecycle.of(java.util.Arrays.stream(constructors).map(Constructor::getDeclaringClass).toList());
    }

    /**
     * Users of {@code method} on {@code target} (null for a static method), driven by {@code controllerType} unless it
     * is null; rejects user and controller types it cannot create.
     */
    public static MethodScriptFactory of(Method method, Object target, List<Object> resolvedArguments, Class<?> controllerType) {
        Parameter[] parameters = method.getParameters();
        List<Integer> slots = new ArrayList<>();
        List<Constructor<?>> constructors = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (User.class.isAssignableFrom(parameters[i].getType())) {
                slots.add(i);
                constructors.add(UserTypes.constructor(method, parameters[i]));
            }
        }
        Constructor<?> controller = controllerType == null
                ? null
                : UserTypes.controller(method, controllerType, slots.stream().map(i -> parameters[i]).toList());
        return new MethodScriptFactory(handle(method, target), resolvedArguments.toArray(),
                slots.stream().mapToInt(Integer::intValue).toArray(), constructors.toArray(new Constructor<?>[0]),
                controller);
    }

    @Override
    public UserScript newUser(int userIndex, RandomGenerator random) throws Throwable {
        Object[] arguments = sharedArguments.clone();
        List<User> users = new ArrayList<>(userSlots.length);
        for (int i = 0; i < userSlots.length; i++) {
            User user = (User) create(userConstructors[i]);
            users.add(user);
            arguments[userSlots[i]] = user;
        }
        if (controller != null) {
            @SuppressWarnings("unchecked")
            UserController<User> behaviour = (UserController<User>) create(controller);
            return new ControllerScript(users, lifecycle, behaviour, random);
        }
        return new MethodScript(users, lifecycle, body, arguments);
    }

    private static Object create(Constructor<?> constructor) throws Throwable {
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
            throw new LoadTestConfigurationException("@LoadTest on method [" + ConfigurationErrors.method(method)
                    + "] cannot be called by the harness: " + e.getMessage());
        }
    }
}
