package dev.horde.internal.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failure counts by cause, bounded: causes past {@link #MAX_CAUSES} are counted under {@link #OTHER}. */
final class FailureCounts {

    static final int MAX_CAUSES = 32;
    static final String OTHER = "other causes";

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void increment(String cause) {
        LongAdder counter = counts.get(cause);
        if (counter == null) {
            String key = counts.size() < MAX_CAUSES ? cause : OTHER;
            counter = counts.computeIfAbsent(key, k -> new LongAdder());
        }
        counter.increment();
    }

    /** Counts by cause, most frequent first. */
    Map<String, Long> snapshot() {
        Map<String, Long> sums = new LinkedHashMap<>();
        counts.forEach((cause, counter) -> sums.put(cause, counter.sum()));
        return mostFrequentFirst(sums);
    }

    /** A copy of {@code counts} ordered by count, highest first, then by cause. */
    static Map<String, Long> mostFrequentFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEachOrdered(e -> sorted.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(sorted);
    }
}
