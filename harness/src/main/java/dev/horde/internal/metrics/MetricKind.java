package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** What a metric measures; reports list metrics in this order. */
@API(status = INTERNAL, since = "0.1")
public enum MetricKind {
    /** A request to the target (HTTP, WebSocket connect); {@code *} covers all of them together. */
    REQUEST,
    /** A message exchange or delivery over an open connection: WebSocket round trips, event delivery, drops. */
    MESSAGE,
    /** One action a controller chose, named {@code action <name>}. */
    ACTION,
    /** One iteration: a call of the load test method, or one controller step. */
    ITERATION,
    /** Once-per-user work: {@code user setup} and {@code user teardown}. */
    LIFECYCLE,
    /** What client-side chaos did ({@code chaos aborted request}, …): counted apart from the target's failures. */
    CHAOS
}
