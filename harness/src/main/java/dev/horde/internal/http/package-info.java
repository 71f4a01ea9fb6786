/**
 * What both HTTP clients share: metric names per endpoint and the retry of a request a stale pooled connection
 * swallowed. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.http;
