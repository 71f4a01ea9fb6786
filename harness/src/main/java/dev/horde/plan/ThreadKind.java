package dev.horde.plan;

/** The kind of thread virtual users run on, chosen with {@code horde.threads}. */
public enum ThreadKind {
    /** Virtual threads where the JVM has them (21+), platform threads otherwise. */
    AUTO,
    /** Virtual threads; a configuration error on a JVM without them. */
    VIRTUAL,
    /** One platform thread per virtual user. */
    PLATFORM
}
