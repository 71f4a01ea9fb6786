package dev.horde.control;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.horde.user.User;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * What a controller decided a user does next: an action, recorded under {@code "action <name>"}, then a think time
 * before the next one (not part of any latency).
 *
 * @param name the action's name in reports
 * @param action what the user does
 * @param thinkTime how long the user pauses afterwards
 * @param <U> the kind of user
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Step<U extends User>(String name, Action<U> action, Duration thinkTime) {
}
