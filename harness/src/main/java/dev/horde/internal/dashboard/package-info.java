/**
 * The live page of a test plan: an HTTP server on loopback that serves one self-contained page and feeds it, by
 * Server-Sent Events, the running test's intervals, budgets and failures and the verdicts of the tests so far.
 * Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.dashboard;
