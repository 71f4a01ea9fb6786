package dev.horde.sample.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.horde.store.Inbox;
import dev.horde.store.Slot;
import dev.horde.store.Table;
import dev.horde.user.UserEntity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user of the demo chat service: the actions a controller may make it do (sign up, log in, post, read, react,
 * switch channel, ping, log out), each a few lines of REST Assured or WebSocket, and the state it keeps in its store.
 * Controllers read that state; only this class writes it.
 */
public class ChatUser extends UserEntity {

    /** The channel the user is in. */
    public static final Slot<Long> CHANNEL = Slot.of("current channel", Long.class);
    /** Channels the user has joined, by id. */
    public static final Table<Long, String> CHANNELS = Table.of("channels", Long.class, String.class);
    /** The last post this user wrote and has not deleted. */
    public static final Slot<Long> LAST_POST = Slot.of("last post", Long.class);
    /** The last post the user read in its channel. */
    public static final Slot<Long> LAST_SEEN = Slot.of("last seen post", Long.class);
    /** Events received over the WebSocket, unread. */
    public static final Inbox<ChatEvent> EVENTS = Inbox.of("events", ChatEvent.class);

    /** How long a user waits for its own post to come back over the WebSocket. */
    public static final Duration ECHO_TIMEOUT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger NUMBERS = new AtomicInteger();

    private final String username = "user-" + RUN + "-" + NUMBERS.incrementAndGet();
    private final String password = UUID.randomUUID().toString();

    public void signup() {
        http().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/users")
                .then().statusCode(201);
    }

    /** Logs in, connects the WebSocket and enters town-square. */
    public void login() {
        JsonNode session = json(http().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/users/login")
                .then().statusCode(200).extract().response());
        signedIn(session.get("token").asText());
        String websocket = json(http().get("/api/config").then().statusCode(200).extract().response())
                .get("websocketUrl").asText();
        connect(URI.create(websocket));
        long me = session.get("id").asLong();
        for (JsonNode channel : json(http().get("/api/channels").then().statusCode(200).extract().response())) {
            for (JsonNode member : channel.get("members")) {
                if (member.asLong() == me) {
                    state().put(CHANNELS, channel.get("id").asLong(), channel.get("name").asText());
                }
            }
        }
        state().all(CHANNELS).keySet().stream().min(Long::compare).ifPresent(id -> state().put(CHANNEL, id));
    }

    /** Joins the channel of this name (creating it if needed) and makes it the current one. */
    public void join(String channel) {
        JsonNode created = json(http().contentType(ContentType.JSON).body(Map.of("name", channel))
                .post("/api/channels")
                .then().statusCode(201).extract().response());
        state().put(CHANNELS, created.get("id").asLong(), channel);
        state().put(CHANNEL, created.get("id").asLong());
    }

    /** Posts to the current channel and waits until the post comes back over the WebSocket. */
    public void post(String message) {
        long channel = store().get(CHANNEL).orElseThrow(() -> new IllegalStateException("not in a channel"));
        String nonce = UUID.randomUUID().toString();
        deliverySent(nonce); // every member's socket, this user's included, times its delivery from here
        JsonNode post = json(http().contentType(ContentType.JSON)
                .body(Map.of("channel_id", channel, "message", message, "nonce", nonce))
                .post("/api/posts")
                .then().statusCode(201).extract().response());
        state().put(LAST_POST, post.get("id").asLong());
        awaitEvent(EVENTS, event -> nonce.equals(event.nonce()), ECHO_TIMEOUT);
    }

    /** Reads the newest posts of the current channel. */
    public void readChannel() {
        long channel = store().get(CHANNEL).orElseThrow(() -> new IllegalStateException("not in a channel"));
        JsonNode posts = json(http().get("/api/channels/{id}/posts", channel).then().statusCode(200).extract().response());
        if (!posts.isEmpty()) {
            state().put(LAST_SEEN, posts.get(0).get("id").asLong());
        }
        state().take(EVENTS, event -> event.channelId() == channel); // read now
    }

    public void editLastPost() {
        long post = store().get(LAST_POST).orElseThrow(() -> new IllegalStateException("no post to edit"));
        http().contentType(ContentType.JSON).body(Map.of("message", "edited"))
                .put("/api/posts/{id}", post)
                .then().statusCode(200);
    }

    public void deleteLastPost() {
        long post = store().get(LAST_POST).orElseThrow(() -> new IllegalStateException("no post to delete"));
        http().delete("/api/posts/{id}", post).then().statusCode(204);
        state().clear(LAST_POST);
    }

    /** Reacts to the last post read. */
    public void react() {
        long post = store().get(LAST_SEEN).orElseThrow(() -> new IllegalStateException("no post read yet"));
        http().contentType(ContentType.JSON).body(Map.of("emoji", "+1"))
                .post("/api/posts/{id}/reactions", post)
                .then().statusCode(201);
    }

    /** Moves to the next channel joined, in id order. */
    public void switchChannel() {
        List<Long> joined = new ArrayList<>(store().all(CHANNELS).keySet());
        joined.sort(Long::compare);
        long current = store().get(CHANNEL).orElse(joined.get(0));
        state().put(CHANNEL, joined.get((joined.indexOf(current) + 1) % joined.size()));
    }

    /** A WebSocket ping answered by a pong. */
    public void ping() {
        long seq = System.nanoTime();
        socket().orElseThrow(() -> new IllegalStateException("not connected"))
                .roundTrip("{\"action\":\"ping\",\"seq\":" + seq + "}", reply -> reply.contains("\"seq\":" + seq));
    }

    public void logout() {
        http().post("/api/users/logout").then().statusCode(204);
        signedOut();
        disconnect();
    }

    @Override
    protected void onMessage(String message) {
        try {
            JsonNode event = JSON.readTree(message);
            JsonNode data = event.path("data");
            String nonce = data.hasNonNull("nonce") ? data.get("nonce").asText() : null;
            if (nonce != null && "posted".equals(event.path("event").asText())) {
                deliveryArrived(nonce);
            }
            state().add(EVENTS, new ChatEvent(event.path("event").asText(), event.path("channel_id").asLong(),
                    data.has("post_id") ? data.get("post_id").asLong() : data.path("id").asLong(), nonce));
        } catch (IOException e) {
            throw new UncheckedIOException("not a chat event: " + message, e);
        }
    }

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
