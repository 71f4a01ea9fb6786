package dev.horde.metrics;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a run at one point in time.
 *
 * @param byName every metric with samples by kind then name, and {@value MetricRegistry#ITERATION} always
 * @param allRequests all request metrics together, named {@value MetricRegistry#ALL_REQUESTS}; null when no request
 *     was recorded
 * @param errorSamples the first failure of each of the first few distinct causes
 * @param timeSeries the run interval by interval, oldest first
 */
public record RunMetrics(Map<String, MetricSnapshot> byName, MetricSnapshot allRequests, List<ErrorSample> errorSamples,
        List<Interval> timeSeries) {

    /** The metric of this name if it has samples; {@value MetricRegistry#ALL_REQUESTS} means all requests together. */
    public Optional<MetricSnapshot> find(String name) {
        MetricSnapshot metric = MetricRegistry.ALL_REQUESTS.equals(name) ? allRequests : byName.get(name);
        return Optional.ofNullable(metric).filter(m -> m.count() > 0);
    }

    /** The metrics of one kind, in name order. */
    public List<MetricSnapshot> ofKind(MetricKind kind) {
        return byName.values().stream().filter(m -> m.kind() == kind).toList();
    }

    /** The whole-iteration metric. */
    public MetricSnapshot iteration() {
        return byName.get(MetricRegistry.ITERATION);
    }
}
