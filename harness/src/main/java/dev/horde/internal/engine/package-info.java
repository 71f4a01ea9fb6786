/**
 * The run: user threads, their loop, the ramp and arrival schedule, the generator's warm-up and CPU, and the outcome.
 * Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.engine;
