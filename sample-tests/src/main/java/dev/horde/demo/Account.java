package dev.horde.demo;

/** A signed-up user. The password is kept only as a salted hash. */
record Account(long id, String username, String passwordHash) {
}
