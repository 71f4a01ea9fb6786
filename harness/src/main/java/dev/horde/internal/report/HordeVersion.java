package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/** The version of Horde that wrote a report, as the build stamped it. */
@API(status = INTERNAL, since = "0.1")
public final class HordeVersion {

    private static final String VERSION = read();

    private HordeVersion() {
    }

    /** This Horde's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = HordeVersion.class.getResourceAsStream("horde.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
