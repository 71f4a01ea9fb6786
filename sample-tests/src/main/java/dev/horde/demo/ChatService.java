package dev.horde.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The chat domain, in memory and thread-safe: accounts and sessions, channels and their members, posts. Changes to
 * posts are announced to a listener (the WebSocket hub).
 */
final class ChatService {

    static final String TOWN_SQUARE = "town-square";

    private final Map<Long, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, Long> accountIds = new ConcurrentHashMap<>();
    private final Map<String, Long> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final Map<String, Long> channelIds = new ConcurrentHashMap<>();
    private final Map<Long, Post> posts = new ConcurrentHashMap<>();
    private final AtomicLong accountNumbers = new AtomicLong();
    private final AtomicLong channelNumbers = new AtomicLong();
    private final AtomicLong postNumbers = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final Consumer<Event> events;
    private final Function<String, Optional<String>> identity;

    /**
     * A chat whose changes go to {@code events}; {@code identity} names the user of a token this service did not
     * issue (another service's sign-in), or is empty for none.
     */
    ChatService(Consumer<Event> events, Function<String, Optional<String>> identity) {
        this.events = events;
        this.identity = identity;
        channel(TOWN_SQUARE);
    }

    /** Something that happened in a channel, for its members. */
    record Event(String type, Channel channel, Object payload) {
    }

    Optional<Account> signup(String username, String password) {
        Account account = new Account(accountNumbers.incrementAndGet(), username, hash(username, password));
        if (accountIds.putIfAbsent(username, account.id()) != null) {
            return Optional.empty();
        }
        accounts.put(account.id(), account);
        join(account.id(), channelIds.get(TOWN_SQUARE));
        return Optional.of(account);
    }

    /** A new session token, if the credentials are right. */
    Optional<String> login(String username, String password) {
        Long id = accountIds.get(username);
        if (id == null || !accounts.get(id).passwordHash().equals(hash(username, password))) {
            return Optional.empty();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, id);
        return Optional.of(token);
    }

    boolean logout(String token) {
        return sessions.remove(token) != null;
    }

    /**
     * The account of a session: one this service issued, or one the identity service vouches for, whose user then
     * gets an account here (in town-square) on first sight.
     */
    Optional<Account> session(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Long id = sessions.get(token);
        if (id != null) {
            return Optional.ofNullable(accounts.get(id));
        }
        Optional<Account> account = identity.apply(token).map(this::known);
        account.ifPresent(known -> sessions.put(token, known.id()));
        return account;
    }

    /** The account of {@code username} here, made (without a password: only the identity service signs it in). */
    private Account known(String username) {
        Long id = accountIds.get(username);
        if (id != null) {
            return accounts.get(id);
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        return signup(username, Base64.getEncoder().encodeToString(secret))
                .orElseGet(() -> accounts.get(accountIds.get(username)));
    }

    /** The channel of this name, created on first use. */
    Channel channel(String name) {
        long id = channelIds.computeIfAbsent(name, n -> {
            long newId = channelNumbers.incrementAndGet();
            channels.put(newId, new Channel(newId, n, ConcurrentHashMap.newKeySet()));
            return newId;
        });
        return channels.get(id);
    }

    Optional<Channel> channel(long id) {
        return Optional.ofNullable(channels.get(id));
    }

    List<Channel> channels() {
        return channels.values().stream().sorted(Comparator.comparingLong(Channel::id)).toList();
    }

    Optional<Channel> join(long accountId, long channelId) {
        Channel channel = channels.get(channelId);
        if (channel != null) {
            channel.members().add(accountId);
        }
        return Optional.ofNullable(channel);
    }

    Set<Long> members(long channelId) {
        Channel channel = channels.get(channelId);
        return channel == null ? Set.of() : channel.members();
    }

    Post post(Channel channel, String author, String message, String nonce) {
        Post post = new Post(postNumbers.incrementAndGet(), channel.id(), channel.name(), author, message, nonce,
                System.currentTimeMillis());
        posts.put(post.id(), post);
        events.accept(new Event("posted", channel, post));
        return post;
    }

    Optional<Post> find(long id) {
        return Optional.ofNullable(posts.get(id));
    }

    Optional<Post> edit(long id, String message) {
        Post edited = posts.computeIfPresent(id, (key, post) -> post.withMessage(message));
        if (edited != null) {
            events.accept(new Event("post_edited", channels.get(edited.channelId()), edited));
        }
        return Optional.ofNullable(edited);
    }

    boolean delete(long id) {
        Post removed = posts.remove(id);
        if (removed != null) {
            events.accept(new Event("post_deleted", channels.get(removed.channelId()), removed));
        }
        return removed != null;
    }

    Optional<Post> react(long postId, String username, String emoji) {
        Post post = posts.get(postId);
        if (post != null) {
            events.accept(new Event("reaction_added", channels.get(post.channelId()),
                    Map.of("post_id", postId, "user", username, "emoji", emoji)));
        }
        return Optional.ofNullable(post);
    }

    /** The newest posts of a channel (all channels when null), newest first. */
    List<Post> latest(Long channelId, int limit) {
        return posts.values().stream()
                .filter(post -> channelId == null || post.channelId() == channelId)
                .sorted(Comparator.comparingLong(Post::id).reversed())
                .limit(limit)
                .toList();
    }

    private static String hash(String username, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
