package dev.horde.ws;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How a session reconnects after a drop: up to five attempts, waiting 100 ms, then twice as long each time, at most 5 s. */
final class Reconnect {

    static final int ATTEMPTS = 5;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private Reconnect() {
    }

    /**
     * Runs {@code connect} until it succeeds, backing off between attempts.
     *
     * @throws WebSocketException the last attempt's failure, or if interrupted while waiting
     */
    static void withBackoff(Runnable connect) {
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; ; attempt++) {
            try {
                connect.run();
                return;
            } catch (WebSocketException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(backoff.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WebSocketException("interrupted while reconnecting", e);
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
