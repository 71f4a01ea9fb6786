package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a result merged from the reports of several segments came from.
 *
 * @param count how many segments
 * @param summaries the segments' JSON summaries, in segment order
 * @param notes what the merge noticed, e.g. a segment that started late
 */
@API(status = INTERNAL, since = "0.1")
public record MergedSegments(int count, List<String> summaries, List<String> notes) {
}
