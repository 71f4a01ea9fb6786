package dev.horde.sample.chat;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat user who is already a member when the test starts: signs up, logs in and joins two of ten channels in its
 * set-up (timed as {@code user setup}), and logs out in its tear-down.
 */
public class ChatMember extends ChatUser {

    static final int CHANNELS = 10;
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final int number = NEXT.getAndIncrement();

    @Override
    public void setUp() {
        signup();
        login();
        join("channel-" + (number + 3) % CHANNELS);
        join("channel-" + number % CHANNELS); // the current one: posts reach 20 to 40 members, not everyone
    }

    @Override
    public void tearDown() {
        logout();
    }
}
