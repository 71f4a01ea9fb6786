/**
 * Load tests written as JUnit 5 tests. Horde's API is:
 * <ul>
 * <li>this package: {@link dev.horde.LoadTest} and {@link dev.horde.Stage} (the load), the budgets
 * {@link dev.horde.LatencyBudget}, {@link dev.horde.ErrorBudget} and {@link dev.horde.ThroughputBudget} (the
 * verdict), {@link dev.horde.Chaos} (bad clients), {@link dev.horde.MetricNames} and
 * {@link dev.horde.LoadTestConfigurationException};</li>
 * <li>{@link dev.horde.user}: the per-user test parameter {@link dev.horde.user.User}, the base of application
 * users {@link dev.horde.user.UserEntity}, and {@link dev.horde.user.VirtualUser} (the running user's number, seeded
 * random generator, and timed blocks);</li>
 * <li>{@link dev.horde.store}: a user's state, read by controllers and written by its entity;</li>
 * <li>{@link dev.horde.control}: controllers that choose a user's next step, and think times;</li>
 * <li>{@link dev.horde.http}: the lean HTTP client {@link dev.horde.http.HttpApi}, its results and exceptions;</li>
 * <li>{@link dev.horde.ws}: a user's {@link dev.horde.ws.WebSocketSession} and its exceptions.</li>
 * </ul>
 * Everything under {@code dev.horde.internal} is not API: it may change in any release without notice.
 */
package dev.horde;
