package dev.horde.testing;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FaultServer} for one test at a time: {@link #serve} starts it and has {@link NoLeaks} watch its port, and
 * it is closed after the test. Register it with
 * {@code @RegisterExtension final FaultTarget faults = new FaultTarget();}.
 */
public final class FaultTarget implements AfterEachCallback {

    private FaultServer server;

    /** Starts a server that answers as {@code fault} says, closed after the current test. */
    public FaultServer serve(FaultServer.Fault fault) throws IOException {
        server = FaultServer.start(fault);
        NoLeaks.watch(server.port());
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
