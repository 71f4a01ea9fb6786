/**
 * Budgets judged against a run's metrics, and the diagnosis that says what broke. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.verdict;
