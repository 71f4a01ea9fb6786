package dev.horde.internal.jupiter;

import dev.horde.internal.metrics.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Reads the URLs a target is configured with: absolute, http or https, with a host. */
final class HttpUrls {

    private HttpUrls() {
    }

    /** The absolute http or https URL {@code text} writes, or empty when it is none. */
    static Optional<URI> parse(String text) {
        try {
            URI uri = new URI(text);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code text} as an error message may show it: credentials and secrets masked. */
    static String shown(String text) {
        try {
            return Secrets.mask(new URI(text));
        } catch (URISyntaxException e) {
            return Secrets.mask(text);
        }
    }
}
