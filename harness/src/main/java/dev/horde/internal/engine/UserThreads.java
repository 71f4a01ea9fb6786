package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.plan.ThreadKind;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Decides what thread a virtual user runs on: a virtual thread on JDK 21+, found at run time so the harness
 * compiles for Java 17, or a daemon platform thread.
 */
@API(status = INTERNAL, since = "0.1")
public final class UserThreads {

    private static final String NAME_PREFIX = "horde-user-";
    private static final MethodHandle OF_VIRTUAL = findOfVirtual();

    private UserThreads() {
    }

    /** Whether this JVM has virtual threads. */
    public static boolean virtualThreadsAvailable() {
        return OF_VIRTUAL != null;
    }

    /** Whether users of this kind run on virtual threads. */
    public static boolean isVirtual(ThreadKind kind) {
        return kind == ThreadKind.VIRTUAL || (kind == ThreadKind.AUTO && virtualThreadsAvailable());
    }

    /** A factory of user threads of the given kind; {@link ThreadKind#VIRTUAL} requires virtual threads. */
    public static ThreadFactory factory(ThreadKind kind) {
        if (isVirtual(kind)) {
            if (OF_VIRTUAL == null) {
                throw new IllegalStateException("virtual threads need JDK 21 or later");
            }
            return virtualFactory();
        }
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, NAME_PREFIX + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = OF_VIRTUAL.invoke();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, NAME_PREFIX, 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (Throwable e) {
            throw new IllegalStateException("virtual threads could not be created", e);
        }
    }

    private static MethodHandle findOfVirtual() {
        try {
            Class<?> builderType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle handle = MethodHandles.publicLookup()
                    .findStatic(Thread.class, "ofVirtual", MethodType.methodType(builderType));
            handle.invoke(); // a preview API on JDK 19 and 20 throws here unless enabled
            return handle;
        } catch (Throwable e) {
            return null;
        }
    }
}
