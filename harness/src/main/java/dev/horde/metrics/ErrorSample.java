package dev.horde.metrics;

/** The first failure seen with a given cause: where it happened and its stack trace. */
public record ErrorSample(String metric, String cause, String stackTrace) {
}
