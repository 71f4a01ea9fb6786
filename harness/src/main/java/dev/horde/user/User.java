package dev.horde.user;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A virtual user's own object. A {@link dev.horde.LoadTest} method parameter whose type implements this interface
 * receives one instance per virtual user, created with the type's no-argument constructor when the user starts
 * and kept across all of that user's iterations, so it can hold the user's state (session, ids it created, …).
 *
 * <p>Only the owning virtual user's thread calls it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface User {
}
