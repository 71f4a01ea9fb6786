package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.MetricNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The metrics of a run at one point in time.
 *
 * @param byName every metric with samples by kind then name, and {@value MetricNames#ITERATION} always
 * @param allRequests all request metrics together, named {@value MetricNames#ALL_REQUESTS}; null when no request
 *     was recorded
 * @param errorSamples the first failure of each of the first few distinct causes
 * @param timeSeries the run interval by interval, oldest first
 * @param intervals the histograms of each measured interval of the metrics kept for windows, by name; see
 *     {@link MetricRegistry#keepIntervals}
 */
@API(status = INTERNAL, since = "0.1")
public record RunMetrics(Map<String, MetricSnapshot> byName, MetricSnapshot allRequests, List<ErrorSample> errorSamples,
        List<Interval> timeSeries, Map<String, List<IntervalHistograms>> intervals) {

    /** The metric of this name if it has samples; {@value MetricNames#ALL_REQUESTS} means all requests together. */
    public Optional<MetricSnapshot> find(String name) {
        MetricSnapshot metric = MetricNames.ALL_REQUESTS.equals(name) ? allRequests : byName.get(name);
        return Optional.ofNullable(metric).filter(m -> m.count() > 0);
    }

    /** The metrics of one kind, in name order. */
    public List<MetricSnapshot> ofKind(MetricKind kind) {
        return byName.values().stream().filter(m -> m.kind() == kind).toList();
    }

    /** The measured intervals of {@code name}, oldest first; empty unless it was kept for windows. */
    public List<IntervalHistograms> intervals(String name) {
        return intervals.getOrDefault(name, List.of());
    }

    /** The whole-iteration metric. */
    public MetricSnapshot iteration() {
        return byName.get(MetricNames.ITERATION);
    }
}
