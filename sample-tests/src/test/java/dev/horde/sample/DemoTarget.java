package dev.horde.sample;

import dev.horde.LoadTest;
import dev.horde.demo.DemoServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the demo chat service, once for the whole test run on a free loopback port, and points REST Assured at it;
 * unless {@value LoadTest#TARGET_PROPERTY_NAME} names another target, which the harness then points REST Assured at
 * (and checks to be a URL).
 */
public final class DemoTarget implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getConfigurationParameter(LoadTest.TARGET_PROPERTY_NAME).filter(url -> !url.isBlank()).isEmpty()) {
            RestAssured.baseURI = embedded(context);
        }
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
