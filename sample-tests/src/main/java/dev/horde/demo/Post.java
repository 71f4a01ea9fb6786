package dev.horde.demo;

/** A message posted to a channel. */
public record Post(long id, String channel, String author, String message, long createdAt) {
}
