/**
 * Horde's public API: {@link dev.horde.LoadTest} and the budgets that decide whether a load test passes.
 */
package dev.horde;
