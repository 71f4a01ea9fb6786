package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** The first failure seen with a given cause: where it happened and its stack trace. */
@API(status = INTERNAL, since = "0.1")
public record ErrorSample(String metric, String cause, String stackTrace) {
}
