/** The merge of the reports of a load test's segments, run by several JVMs, into one result judged on its budgets. */
package dev.horde.internal.merge;
