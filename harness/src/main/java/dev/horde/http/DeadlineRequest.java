package dev.horde.http;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.concurrent.CancellableDependency;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;

/**
 * A request that {@link Deadlines} can abort: HttpClient hands it what to cancel (the connection lease, then the
 * connection), and cancelling closes the connection, which ends a blocked read at once.
 */
final class DeadlineRequest extends BasicClassicHttpRequest implements CancellableDependency {

    private static final long serialVersionUID = 1L;

    private transient volatile Cancellable dependency;
    private volatile boolean cancelled;
    private volatile boolean timedOut;

    DeadlineRequest(String method, HttpHost host, String path) {
        super(method, host, path);
    }

    @Override
    public void setDependency(Cancellable cancellable) {
        dependency = cancellable;
        if (cancelled) { // cancelled meanwhile: both fields are volatile, so one side sees the other
            cancellable.cancel();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public boolean cancel() {
        cancelled = true;
        Cancellable current = dependency;
        if (current != null) {
            current.cancel();
        }
        return true;
    }

    /** Aborts the request because its deadline passed. */
    void expire() {
        timedOut = true;
        cancel();
    }

    /** Whether the request was aborted at its deadline. */
    boolean timedOut() {
        return timedOut;
    }
}
