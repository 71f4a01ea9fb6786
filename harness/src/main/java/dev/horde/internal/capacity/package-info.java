/**
 * Capacity searches: the load raised in steps, every budget judged on each step, the highest step that held them all.
 * Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.capacity;
