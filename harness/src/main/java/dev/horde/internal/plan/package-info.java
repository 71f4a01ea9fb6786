/**
 * What a load test asks for, as values: the load shape, stages, model, thread kind, chaos and the parsers of
 * durations and rates. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.plan;
