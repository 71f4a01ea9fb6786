package dev.horde.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemStoreTests {

    static final Slot<String> SESSION = Slot.of("session", String.class);
    static final Table<Long, String> CHANNELS = Table.of("channels", Long.class, String.class);
    static final Inbox<String> EVENTS = new Inbox<>("events", String.class, 3);

    @Test
    void theReadOnlyViewSeesWritesButCannotBeWrittenOrCastBack() {
        MemStore store = new MemStore();
        UserStore view = store.readOnly();

        store.put(SESSION, "token");
        store.put(CHANNELS, 1L, "town-square");
        store.add(EVENTS, "posted");

        assertThat(view).isNotInstanceOf(MutableUserStore.class);
        assertThat(view.get(SESSION)).contains("token");
        assertThat(view.get(CHANNELS, 1L)).contains("town-square");
        assertThatThrownBy(() -> view.all(CHANNELS).put(2L, "off-topic")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.peek(EVENTS).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(view.all(CHANNELS)).containsOnlyKeys(1L);
    }

    @Test
    void inboxesDropTheOldestWhenFullAndTakeWhatMatches() {
        MemStore store = new MemStore();
        for (String event : List.of("a1", "b1", "a2", "b2")) {
            store.add(EVENTS, event);
        }

        assertThat(store.peek(EVENTS)).containsExactly("b1", "a2", "b2");
        assertThat(store.find(EVENTS, e -> e.startsWith("a"))).contains("a2");
        assertThat(store.take(EVENTS, e -> e.startsWith("b"))).containsExactly("b1", "b2");
        assertThat(store.peek(EVENTS)).containsExactly("a2");
    }

    @Test
    void slotsAndTablesCanBeCleared() {
        MemStore store = new MemStore();
        store.put(SESSION, "token");
        store.put(CHANNELS, 1L, "town-square");

        store.clear(SESSION);
        store.remove(CHANNELS, 1L);

        assertThat(store.get(SESSION)).isEmpty();
        assertThat(store.all(CHANNELS)).isEmpty();
        assertThat(UserStore.EMPTY.get(SESSION)).isEmpty();
    }

    @Test
    void anAwaitedEntryWakesTheWaiterOnArrivalInsteadOfBeingPolledFor() throws Exception {
        MemStore store = new MemStore();
        AtomicInteger checks = new AtomicInteger();
        CompletableFuture<Optional<String>> awaited = CompletableFuture.supplyAsync(() -> {
            try {
                return store.awaitTake(EVENTS, entry -> checks.incrementAndGet() > 0 && entry.equals("posted"),
                        Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300); // a poller would have looked many times by now

        store.add(EVENTS, "other");
        store.add(EVENTS, "posted");

        assertThat(awaited.get(10, TimeUnit.SECONDS)).contains("posted");
        assertThat(checks.get()).as("each entry checked once, when it arrived: nobody polled").isLessThanOrEqualTo(3);
        assertThat(store.peek(EVENTS)).as("only the match was taken").containsExactly("other");
    }

    @Test
    void anAwaitedEntryThatNeverComesEndsAtTheTimeoutEmpty() throws InterruptedException {
        MemStore store = new MemStore();
        long start = System.nanoTime();

        Optional<String> entry = store.awaitTake(EVENTS, "posted"::equals, Duration.ofMillis(200));

        assertThat(entry).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
