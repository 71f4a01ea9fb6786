package dev.horde.internal.script;

import dev.horde.user.User;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.List;

/** A virtual user whose iteration is a call of the load test method with its own arguments. */
final class MethodScript extends ScriptLifecycle {

    private final MethodHandle body;
    private final Object[] arguments;

    MethodScript(List<User> users, UserTypes.Lifecycle lifecycle, MethodHandle body, Object[] arguments) {
        super(users, lifecycle);
        this.body = body;
        this.arguments = arguments;
    }

    @Override
    public Duration iterate() throws Throwable {
        body.invokeExact(arguments); // a statement, so the call site's type is (Object[])void
        return Duration.ZERO;
    }
}
