package dev.horde.http;

import dev.horde.MetricNames;
import dev.horde.internal.chaos.ClientChaos;
import dev.horde.internal.engine.UserContext;
import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Metric;
import java.io.IOException;
import java.util.function.Function;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * What a user's client-side chaos ({@link dev.horde.Chaos}) does before one of its lean-client requests: waits a
 * delay, sends a copy that it abandons as soon as it is sent ({@link ChaosAborts}), sends a copy with a corrupted
 * body; each counted under its chaos metric, none under the request's own.
 */
final class ChaosCopies {

    private ChaosCopies() {
    }

    /**
     * Runs the current user's chaos before a request to {@code api} with {@code body} (null for none);
     * {@code request} builds a copy of the request with the body it is given.
     */
    static void before(HttpApi api, HttpTransport transport, byte[] body, Function<byte[], DeadlineRequest> request) {
        UserContext user = UserContext.get();
        if (user == null) {
            return;
        }
        ClientChaos chaos = user.chaos();
        chaos.delay();
        if (chaos.abortNext()) {
            Metric aborted = chaos.metric(MetricNames.CHAOS_ABORTED);
            long start = aborted.start();
            try {
                int status = send(api, transport, request.apply(body), ChaosAborts.ABORT);
                aborted.recordFailure(start, System.nanoTime(), "answered before the abort (HTTP " + status + ")");
            } catch (IOException | RuntimeException expected) {
                aborted.recordSuccess(start, System.nanoTime());
            }
        }
        if (body != null && chaos.malformNext()) {
            Metric malformed = chaos.metric(MetricNames.CHAOS_MALFORMED);
            long start = malformed.start();
            try {
                int status = send(api, transport, request.apply(ClientChaos.corrupt(body)), "malformed");
                if (status >= 400 && status < 500) {
                    malformed.recordSuccess(start, System.nanoTime()); // rejected, as a payload that is not one should be
                } else {
                    malformed.recordFailure(start, System.nanoTime(),
                            status >= 500 ? FailureCause.httpStatus(status) : "accepted (HTTP " + status + ")");
                }
            } catch (IOException | RuntimeException failure) {
                malformed.recordFailure(start, System.nanoTime(), FailureCause.of(failure, api.authority()));
            }
        }
    }

    /** Sends {@code copy}, marked {@code kind}, under the run's deadline; returns its status. */
    private static int send(HttpApi api, HttpTransport transport, DeadlineRequest copy, String kind) throws IOException {
        copy.addHeader(ClientChaos.HEADER, kind);
        Deadlines.Slot deadline = api.deadline();
        if (deadline != null) {
            deadline.begin(copy, System.nanoTime() + transport.timeout().toNanos());
        }
        try {
            return transport.client().execute(api.host(), copy, api.context(), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } finally {
            if (deadline != null) {
                deadline.end();
            }
        }
    }
}
