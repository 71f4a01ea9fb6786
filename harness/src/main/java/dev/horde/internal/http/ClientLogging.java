package dev.horde.internal.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apiguardian.api.API;

/**
 * Keeps SLF4J quiet in a build that has no logging of its own. The lean client's httpclient5 logs through SLF4J, and
 * SLF4J without a provider (2.x) or binding (1.7) warns on standard error in every run. When the class path has none
 * and the build chose none, SLF4J 2 gets its no-operation provider explicitly, and SLF4J 1.7 starts with its three
 * warning lines filtered out; a build with a provider, a binding or an {@code slf4j.provider} of its own is left alone.
 */
@API(status = INTERNAL, since = "0.1")
public final class ClientLogging {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String VERBOSITY_PROPERTY = "slf4j.internal.verbosity";
    static final String NOP_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

    private static boolean done;

    private ClientLogging() {
    }

    /** Quiets SLF4J if no one configured it; once per JVM, before the first request. */
    public static synchronized void quietWhenUnconfigured() {
        if (done) {
            return;
        }
        done = true;
        ClassLoader loader = ClientLogging.class.getClassLoader();
        if (loader.getResource("org/slf4j/LoggerFactory.class") == null || System.getProperty(PROVIDER_PROPERTY) != null) {
            return;
        }
        boolean slf4j2 = loader.getResource("org/slf4j/spi/SLF4JServiceProvider.class") != null;
        if (slf4j2) {
            if (loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") == null) {
                System.setProperty(PROVIDER_PROPERTY, NOP_PROVIDER);
                if (System.getProperty(VERBOSITY_PROPERTY) == null) {
                    System.setProperty(VERBOSITY_PROPERTY, "WARN");
                }
            }
        } else if (loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") == null) {
            startWithoutWarnings();
        }
    }

    /** Starts SLF4J 1.7 now, dropping the lines it prints to standard error meanwhile. */
    private static void startWithoutWarnings() {
        PrintStream err = System.err;
        PrintStream filtered = new PrintStream(new WithoutSlf4jLines(err), true, StandardCharsets.UTF_8);
        System.setErr(filtered);
        try {
            Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            // SLF4J could not start: httpclient5 will say so when it logs
        } finally {
            filtered.flush();
            System.setErr(err);
        }
    }

    /** Passes lines through to {@code out}, except those SLF4J prints about itself ({@code SLF4J: …}). */
    static final class WithoutSlf4jLines extends OutputStream {

        private final OutputStream out;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        WithoutSlf4jLines(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() > 0 && !line.toString(StandardCharsets.UTF_8).startsWith("SLF4J")) {
                line.writeTo(out);
            }
            line.reset();
            out.flush();
        }
    }
}
