/**
 * A virtual user's measured WebSocket connection: {@link dev.horde.ws.WebSocketSession}, on the JDK's client shared by
 * the run's users.
 */
package dev.horde.ws;
