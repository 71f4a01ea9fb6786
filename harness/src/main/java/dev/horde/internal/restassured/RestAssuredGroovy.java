package dev.horde.internal.restassured;

import groovy.lang.GroovySystem;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the REST Assured on the class path runs on the Groovy beside it, by the range of Groovy versions its
 * manifest imports ({@code groovy.lang;version="[4.0,5.0)"} for REST Assured 5, {@code [5.0,6.0)} for 6). Spring
 * Boot 4 manages Groovy 5 and no longer manages REST Assured, so a REST Assured 5 kept from a Boot 3 build fails every
 * request with a {@code NullPointerException} inside REST Assured, load test or not; this names the cause instead.
 */
final class RestAssuredGroovy {

    private static final Pattern GROOVY_RANGE =
            Pattern.compile("groovy\\.lang;version=\"([\\[(])([\\d.]+),([\\d.]+)([\\])])\"");

    /** What is wrong, in a sentence that says what to do, or null when the versions match or cannot be read. */
    static final String PROBLEM = problem(restAssuredManifest(), GroovySystem.getVersion());

    private RestAssuredGroovy() {
    }

    /** The mismatch between REST Assured, described by its {@code manifest}, and {@code groovyVersion}, or null. */
    static String problem(Manifest manifest, String groovyVersion) {
        if (manifest == null || groovyVersion == null) {
            return null;
        }
        Attributes attributes = manifest.getMainAttributes();
        String imports = attributes.getValue("Import-Package");
        Matcher range = imports == null ? null : GROOVY_RANGE.matcher(imports);
        if (range == null || !range.find()) {
            return null;
        }
        int fromLow = compare(groovyVersion, range.group(2));
        int toHigh = compare(groovyVersion, range.group(3));
        boolean inside = (range.group(1).equals("[") ? fromLow >= 0 : fromLow > 0)
                && (range.group(4).equals(")") ? toHigh < 0 : toHigh <= 0);
        if (inside) {
            return null;
        }
        String restAssured = attributes.getValue("Bundle-Version");
        return "REST Assured " + restAssured + " runs on Groovy " + range.group(1) + range.group(2) + ","
                + range.group(3) + range.group(4) + ", the class path has Groovy " + groovyVersion
                + ": use REST Assured 6 with Groovy 5 (as Spring Boot 4 has), REST Assured 5 with Groovy 4";
    }

    /** Compares dotted version numbers, ignoring any qualifier: {@code 5.0.6} against {@code 5.0}. */
    static int compare(String version, String other) {
        String[] a = version.split("[.-]");
        String[] b = other.split("[.-]");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? number(a[i]) : 0;
            int y = i < b.length ? number(b[i]) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }

    private static int number(String part) {
        int end = 0;
        while (end < part.length() && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(part.substring(0, end));
    }

    /** The manifest of the jar REST Assured was loaded from, or null (classes in a directory, or unreadable). */
    static Manifest restAssuredManifest() {
        URL self = RestAssured.class.getResource("RestAssured.class");
        if (self == null || !"jar".equals(self.getProtocol())) {
            return null;
        }
        String jar = self.toString();
        try (InputStream in = URI.create(jar.substring(0, jar.indexOf("!/") + 2) + "META-INF/MANIFEST.MF").toURL()
                .openStream()) {
            return new Manifest(in);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
