/**
 * Horde's figures in Micrometer: meters fed once a second from the run's interval histograms, never from the request
 * path, into the registries of Micrometer's global registry and the Prometheus endpoint. Loaded only when Micrometer
 * is on the class path. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.micrometer;
