package dev.horde.sample;

import dev.horde.demo.DemoServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points REST Assured at the system under test: the URL in {@value #TARGET_PROPERTY} when it is set, otherwise the
 * demo chat service, started once for the whole test run on a free loopback port and stopped at its end.
 */
public final class DemoTarget implements BeforeAllCallback {

    /** Configuration parameter naming an external target, e.g. {@code -Dhorde.target=http://127.0.0.1:8080}. */
    public static final String TARGET_PROPERTY = "horde.target";

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.baseURI = context.getConfigurationParameter(TARGET_PROPERTY)
                .filter(url -> !url.isBlank())
                .orElseGet(() -> embedded(context));
    }

    private static String embedded(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(DemoTarget.class));
        return store.computeIfAbsent(DemoServer.class, type -> {
            try {
                return DemoServer.start(0);
            } catch (IOException e) {
                throw new UncheckedIOException("the demo service did not start", e);
            }
        }, DemoServer.class).baseUri();
    }
}
