package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.plan.NamedTargets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the named targets, {@code horde.target.<name>=<url>}, per test: the names from the JVM's system properties
 * ({@code -D}, Surefire's {@code systemPropertyVariables}) and {@code junit-platform.properties}, the values as JUnit
 * gives them (so its precedence holds). Read per test, so a suite may set one in {@code @BeforeAll}, e.g. from a
 * container it started.
 */
final class NamedTargetReader {

    private static final String PREFIX = LoadTest.TARGET_PROPERTY_NAME + ".";

    private NamedTargetReader() {
    }

    static NamedTargets read(Function<String, Optional<String>> parameters) {
        Map<String, URI> targets = new LinkedHashMap<>();
        Map<String, String> found = found();
        for (Map.Entry<String, String> name : found.entrySet()) {
            String key = PREFIX + name.getKey();
            // JUnit's value first (its precedence); where it reads no implicit sources (EngineTestKit), the one found
            Optional<String> value = parameters.apply(key).or(() -> Optional.of(name.getValue()))
                    .map(String::strip).filter(v -> !v.isEmpty());
            if (value.isEmpty()) {
                continue;
            }
            if (!NamedTargets.NAME.matcher(name.getKey()).matches()) {
                throw new LoadTestConfigurationException("configuration parameter '" + key + "' names a target ["
                        + name.getKey() + "]: a name is letters, digits, '_', '.' or '-', starting with a letter or"
                        + " digit.");
            }
            targets.put(name.getKey(), url(key, value.get()));
        }
        return targets.isEmpty() ? NamedTargets.NONE : new NamedTargets(targets);
    }

    private static URI url(String key, String text) {
        return HttpUrls.parse(text).orElseThrow(() -> new LoadTestConfigurationException("configuration parameter '"
                + key + "' must be an absolute http or https URL, e.g. http://127.0.0.1:8081, but was ["
                + HttpUrls.shown(text) + "]."));
    }

    /**
     * The names after {@code horde.target.} in every {@code junit-platform.properties} and the system properties, with
     * the value found there (a system property wins, as in JUnit).
     */
    private static Map<String, String> found() {
        Map<String, String> names = new TreeMap<>();
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : NamedTargetReader.class.getClassLoader();
            Enumeration<URL> files = loader.getResources("junit-platform.properties");
            while (files.hasMoreElements()) {
                Properties properties = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    properties.load(in);
                }
                properties.stringPropertyNames().forEach(key -> add(key, properties.getProperty(key), names));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read junit-platform.properties", e);
        }
        Properties system = System.getProperties();
        system.stringPropertyNames().forEach(key -> add(key, system.getProperty(key), names));
        return names;
    }

    private static void add(String key, String value, Map<String, String> names) {
        if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
            names.put(key.substring(PREFIX.length()), value);
        }
    }
}
