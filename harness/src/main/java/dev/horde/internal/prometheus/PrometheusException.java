package dev.horde.internal.prometheus;

/** A Prometheus server could not be asked, or refused the question; the message says which and why. */
final class PrometheusException extends Exception {

    PrometheusException(String message) {
        super(message);
    }
}
