package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The first failure seen with a given cause: where it happened, its stack trace as text, the failure itself as
 * recorded (masked, the harness's frames cut off), for the cause of the test's failure, and the trace it was sent in
 * (null when it was not on a virtual user's thread, or tracing is off).
 */
@API(status = INTERNAL, since = "0.1")
public record ErrorSample(String metric, String cause, String stackTrace, RecordedFailure failure, String traceId) {
}
