package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * One series of a range query's answer.
 *
 * @param labels its labels, sorted by name
 * @param times the evaluation times, epoch ms
 * @param values the value at each time; NaN and infinities are kept as Prometheus gave them
 */
@API(status = INTERNAL, since = "0.1")
public record Series(Map<String, String> labels, long[] times, double[] values) {

    /** {@code {uri="/api/posts", status="200"}}, or empty when the series has no labels. */
    public String labelsText() {
        return labels.isEmpty() ? "" : labels.entrySet().stream()
                .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /** The finite values, in time order. */
    public Stream<Double> finite() {
        return IntStream.range(0, values.length).mapToObj(i -> values[i]).filter(Double::isFinite);
    }

    /** The highest finite value, if any. */
    public OptionalDouble max() {
        return finite().mapToDouble(Double::doubleValue).max();
    }

    /** The lowest finite value, if any. */
    public OptionalDouble min() {
        return finite().mapToDouble(Double::doubleValue).min();
    }

    /** The mean of the finite values, if any. */
    public OptionalDouble mean() {
        return finite().mapToDouble(Double::doubleValue).average();
    }

    /** The last finite value, if any. */
    public OptionalDouble last() {
        return finite().reduce((first, second) -> second).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
