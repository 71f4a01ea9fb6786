/**
 * Virtual users with state of their own: {@link dev.horde.user.User}, a test parameter each virtual user gets its own
 * instance of, and {@link dev.horde.user.UserEntity}, the base of application users (state, HTTP clients, WebSocket).
 */
package dev.horde.user;
