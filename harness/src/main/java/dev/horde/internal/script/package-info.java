/**
 * What one virtual user runs: the load test method with its own user arguments, or the steps a controller chooses.
 * Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.script;
