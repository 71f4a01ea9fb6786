/**
 * Virtual users with state of their own: {@link dev.horde.user.User}, a test parameter each virtual user gets its own
 * instance of, {@link dev.horde.user.UserEntity}, the base of application users (state, HTTP clients, WebSocket), and
 * {@link dev.horde.user.VirtualUser}, what any load test's code asks of the user running it.
 */
package dev.horde.user;
