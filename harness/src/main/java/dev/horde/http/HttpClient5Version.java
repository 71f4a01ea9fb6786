package dev.horde.http;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Checks, once, that the httpclient5 on the class path is one the lean client can run on: builds whose dependency
 * management pins an older one (Spring Boot 3.3 and older do) would otherwise fail every request with a
 * {@code NoSuchMethodError}.
 */
final class HttpClient5Version {

    /** The oldest httpclient5 the lean client runs on. */
    static final String MINIMUM = "5.4";

    private static final String PROBLEM = problem(HttpClientContext.class);

    private HttpClient5Version() {
    }

    /**
     * @throws IllegalStateException saying which version was found and what to declare, if it is older than
     *     {@link #MINIMUM}
     */
    static void require() {
        if (PROBLEM != null) {
            throw new IllegalStateException(PROBLEM);
        }
    }

    /** What is wrong with the httpclient5 that {@code contextType} (its {@code HttpClientContext}) came from, or null. */
    static String problem(Class<?> contextType) {
        try {
            contextType.getMethod("castOrCreate", HttpContext.class); // new in 5.4
            return null;
        } catch (NoSuchMethodException e) {
            String found = contextType.getPackage().getImplementationVersion();
            return "httpclient5 " + (found == null ? "" : found + " ") + "on the class path is older than " + MINIMUM
                    + ", which Horde's lean client needs: declare org.apache.httpcomponents.client5:httpclient5 "
                    + MINIMUM + " or later in test scope (with Spring Boot's parent: the property httpclient5.version)";
        }
    }
}
