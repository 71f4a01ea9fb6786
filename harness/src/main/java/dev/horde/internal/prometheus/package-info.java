/**
 * The system under test's own metrics, read from a Prometheus server over a run's measured window: the queries of
 * {@link dev.horde.TargetMetric}, their series, and the budgets they make. Internal: not part of Horde's API, may
 * change in any release without notice.
 */
package dev.horde.internal.prometheus;
