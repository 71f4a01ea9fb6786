package dev.horde.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The events waiting for one page: bounded, and a page that fell behind gets the whole state instead. */
class EventStreamTests {

    @Test
    void aPageThatDoesNotReadHoldsAtMostTheCapacityThenResyncs() throws InterruptedException {
        EventStream stream = new EventStream();
        for (int i = 0; i < EventStream.CAPACITY * 10 + 3; i++) {
            stream.offer("frame " + i);
        }

        assertThat(stream.next(0)).isEqualTo(EventStream.RESYNC);
        for (int i = EventStream.CAPACITY * 10; i < EventStream.CAPACITY * 10 + 3; i++) {
            assertThat(stream.next(0)).as("offered after the last overflow").isEqualTo("frame " + i);
        }
        assertThat(stream.next(0)).isEqualTo(EventStream.IDLE);
    }

    @Test
    void aStreamInOrderWhileThePageKeepsUp() throws InterruptedException {
        EventStream stream = new EventStream();
        stream.offer("a");
        stream.offer("b");

        assertThat(stream.next(0)).isEqualTo("a");
        assertThat(stream.next(0)).isEqualTo("b");
        stream.close();
        assertThat(stream.next(1_000)).as("closed: the writer stops").isNull();
        stream.offer("c");
        assertThat(stream.next(0)).isNull();
    }
}
