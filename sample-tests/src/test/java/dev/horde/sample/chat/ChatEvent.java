package dev.horde.sample.chat;

/**
 * An event the chat service pushed over the WebSocket.
 *
 * @param type {@code posted}, {@code post_edited}, {@code post_deleted}, {@code reaction_added}
 * @param channelId the channel it happened in
 * @param postId the post concerned
 * @param nonce the sender's id for a post, if it gave one
 */
public record ChatEvent(String type, long channelId, long postId, String nonce) {
}
