package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/**
 * This JVM's share of a load test split across {@code count} JVMs: segment {@code index} of {@code count} runs every
 * user whose number {@code u} has {@code u % count == index - 1}, and every arrival (open model) whose ordinal
 * {@code k} has {@code k % count == index - 1}. Striping makes the shares add up to the plan exactly at every moment
 * of every ramp, for any count, and keeps each user's global number, so its seed and behaviour are those it has when
 * one JVM runs the whole plan.
 *
 * @param index which share, from 1
 * @param count how many shares, from 1
 */
@API(status = INTERNAL, since = "0.1")
public record Segment(int index, int count) {

    /** The whole plan, run by one JVM. */
    public static final Segment WHOLE = new Segment(1, 1);

    /** The grammar, for messages. */
    public static final String GRAMMAR = "<index>/<count> with 1 <= index <= count, e.g. \"2/8\"";

    private static final Pattern TEXT = Pattern.compile("(\\d{1,6})\\s*/\\s*(\\d{1,6})");

    /** A segment, checked. */
    public Segment {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("segment " + index + "/" + count + ": expected " + GRAMMAR);
        }
    }

    /** {@code "2/8"} as a segment; empty when the text is not one. */
    public static Optional<Segment> parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int index = Integer.parseInt(matcher.group(1));
        int count = Integer.parseInt(matcher.group(2));
        return count >= 1 && index >= 1 && index <= count ? Optional.of(new Segment(index, count)) : Optional.empty();
    }

    /** Whether this is the whole plan. */
    public boolean whole() {
        return count == 1;
    }

    /** Whether the user or arrival with this global ordinal (from 0) belongs to this segment. */
    public boolean owns(long ordinal) {
        return ordinal % count == index - 1;
    }

    /**
     * The global numbers of this segment's users among {@code users} (from 0, ascending). A closed-model segment may
     * have none (more segments than users); an open-model pool never has none, since its arrivals need a user: a
     * segment without a share of the pool gets one user, numbered {@code index - 1} (beyond the pool, so no other
     * segment has it).
     */
    public int[] users(int users, LoadModel model) {
        int[] mine = IntStream.range(0, users).filter(this::owns).toArray();
        return mine.length == 0 && model == LoadModel.OPEN ? new int[] {index - 1} : mine;
    }

    /** How many users of {@code users} this segment runs. */
    public int share(int users, LoadModel model) {
        return users(users, model).length;
    }

    /** {@code "2/8"}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** The name of the report directory of this segment's files: {@code segment-2-of-8}. */
    public String directoryName() {
        return "segment-" + index + "-of-" + count;
    }
}
