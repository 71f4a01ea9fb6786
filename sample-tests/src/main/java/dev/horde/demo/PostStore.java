package dev.horde.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** All posts, in memory, safe for concurrent use. */
final class PostStore {

    private final ConcurrentHashMap<Long, Post> posts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Post create(String channel, String author, String message) {
        Post post = new Post(ids.incrementAndGet(), channel, author, message, System.currentTimeMillis());
        posts.put(post.id(), post);
        return post;
    }

    Optional<Post> find(long id) {
        return Optional.ofNullable(posts.get(id));
    }

    Optional<Post> update(long id, String message) {
        return Optional.ofNullable(posts.computeIfPresent(id,
                (key, post) -> new Post(post.id(), post.channel(), post.author(), message, post.createdAt())));
    }

    boolean delete(long id) {
        return posts.remove(id) != null;
    }

    /** The newest posts of a channel, newest first. */
    List<Post> latest(String channel, int limit) {
        return posts.values().stream()
                .filter(post -> channel == null || post.channel().equals(channel))
                .sorted(Comparator.comparingLong(Post::id).reversed())
                .limit(limit)
                .toList();
    }
}
