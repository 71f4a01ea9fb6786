package dev.horde.demo;

import java.util.Set;

/** A channel users join to read and receive its posts. */
public record Channel(long id, String name, Set<Long> members) {
}
