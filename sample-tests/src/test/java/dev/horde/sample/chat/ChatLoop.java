package dev.horde.sample.chat;

import dev.horde.control.SimpleController;
import java.time.Duration;

/**
 * A deterministic loop: sign up once, then log in → post → read → ping → log out → log in → … with a short
 * pause after each step.
 */
public class ChatLoop extends SimpleController<ChatUser> {

    public ChatLoop() {
        super(SimpleController.<ChatUser>once("signup", ChatUser::signup)
                .pause(Duration.ofMillis(200))
                .repeat("login", ChatUser::login)
                .repeat("post", user -> user.post("hello"))
                .repeat("read channel", ChatUser::readChannel)
                .repeat("ping", ChatUser::ping)
                .repeat("logout", ChatUser::logout));
    }
}
