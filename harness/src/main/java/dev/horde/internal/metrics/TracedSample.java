package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One sample that reports single out, a slow one, with the trace it was sent in: the service's traces have the same
 * ids.
 *
 * @param micros its latency in microseconds
 * @param traceId the W3C trace id, 32 hex digits
 * @param spanId the request's span (the iteration's for an iteration), 16 hex digits
 * @param epochMillis when it ended, wall-clock
 */
@API(status = INTERNAL, since = "0.1")
public record TracedSample(long micros, String traceId, String spanId, long epochMillis) {

    /** Its latency in milliseconds. */
    public double millis() {
        return micros / 1_000.0;
    }
}
