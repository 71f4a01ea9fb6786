package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The kind of thread virtual users run on, chosen with {@code horde.threads}. */
@API(status = INTERNAL, since = "0.1")
public enum ThreadKind {
    /** Virtual threads where the JVM has them (21+), platform threads otherwise. */
    AUTO,
    /** Virtual threads; a configuration error on a JVM without them. */
    VIRTUAL,
    /** One platform thread per virtual user. */
    PLATFORM;

    /** {@code "virtual"}, {@code "platform"} or {@code "auto"}, as reports and {@code horde.threads} name it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
