/**
 * Earlier runs of a load test to compare a run with, and how sure a change between two runs is. Internal: not part of
 * Horde's API, may change in any release without notice.
 */
package dev.horde.internal.baseline;
