/**
 * Behaviour apart from state: a {@link dev.horde.control.UserController} chooses each iteration's
 * {@link dev.horde.control.Step} from the user's store and a seeded generator, in order
 * ({@link dev.horde.control.SimpleController}) or by weight ({@link dev.horde.control.StochasticController}), with
 * {@link dev.horde.control.ThinkTime}s.
 */
package dev.horde.control;
