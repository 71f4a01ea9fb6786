package dev.horde.internal.jupiter;

import dev.horde.internal.dashboard.Dashboard;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The live page, kept in the root context's store so that JUnit closes it when the test plan ends: as an
 * {@link AutoCloseable} from JUnit 5.13 on, as a {@code CloseableResource} before.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only kind of store value JUnit before 5.13 closes
record PlanEnd(Dashboard dashboard) implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    @Override
    public void close() {
        dashboard.close();
    }
}
