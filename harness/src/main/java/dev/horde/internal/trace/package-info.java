/**
 * W3C Trace Context for the requests of virtual users: each iteration one trace, each request a child span, sent as
 * {@code traceparent} so that the service's own traces join the load test's samples.
 * Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.trace;
