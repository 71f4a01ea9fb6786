package dev.horde.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
