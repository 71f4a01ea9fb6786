/**
 * Targets in containers: a Testcontainers container named by {@link dev.horde.LoadTarget}, and its CPU, memory and
 * network sampled from the Docker API while a test loads it, as readings and the budgets of
 * {@link dev.horde.TargetResourceBudget}. Testcontainers is optional: only {@code Containers} and {@code DockerStats}
 * touch it, and only once a container is found. Internal: not part of Horde's API, may change in any release without
 * notice.
 */
package dev.horde.internal.container;
