package dev.horde.demo;

/**
 * A message posted to a channel.
 *
 * @param nonce the client's own id for the post, echoed in events so senders can correlate them
 */
public record Post(long id, long channelId, String channel, String author, String message, String nonce, long createdAt) {

    Post withMessage(String newMessage) {
        return new Post(id, channelId, channel, author, newMessage, nonce, createdAt);
    }
}
