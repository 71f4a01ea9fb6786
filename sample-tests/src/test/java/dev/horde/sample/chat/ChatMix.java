package dev.horde.sample.chat;

import dev.horde.control.StochasticController;
import dev.horde.control.ThinkTime;
import java.time.Duration;

/**
 * A realistic mix: post 40, read the channel 30, switch channel 20, react 10 (once a post was read), with
 * exponentially distributed think times averaging two seconds. Replays exactly from the run's seed.
 */
public class ChatMix extends StochasticController<ChatMember> {

    public ChatMix() {
        super(StochasticController.<ChatMember>mix()
                .action("post", 40, user -> user.post("hello"))
                .action("read channel", 30, ChatUser::readChannel)
                .action("switch channel", 20, ChatUser::switchChannel)
                .action("react", 10, store -> store.get(ChatUser.LAST_SEEN).isPresent(), ChatUser::react)
                .thinkTime(ThinkTime.exponential(Duration.ofSeconds(2))));
    }
}
