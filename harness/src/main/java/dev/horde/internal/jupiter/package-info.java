/**
 * The JUnit Jupiter side: the extension, the readers of the annotations and of the {@code horde.*} configuration,
 * and the hand-off of results on shutdown. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.jupiter;
