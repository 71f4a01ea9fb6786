/**
 * Recording: one HdrHistogram recorder per metric, failure causes, error samples, interval snapshots and the masking
 * of secrets. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.metrics;
