/**
 * Client-side faults injected on a user's own requests and WebSocket messages. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.chaos;
