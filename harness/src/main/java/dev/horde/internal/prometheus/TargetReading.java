package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.TargetMetric;
import dev.horde.internal.verdict.BudgetResult.Quantity;
import dev.horde.internal.verdict.BudgetResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What one {@link TargetMetric}'s query, or one resource of a container target, gave over a run's measured window,
 * and the budgets it makes.
 *
 * @param query the target metric
 * @param promql the query as sent, its placeholders replaced
 * @param from start of the measured window
 * @param to end of the measured window
 * @param step time between two evaluations
 * @param series what the query gave; empty on error
 * @param error why nothing could be read, naming the server; null when the query answered
 * @param source where the values come from, for reports: {@code Prometheus}, {@code Docker}
 * @param unit how values are shown when no limit says it; null for numbers
 */
@API(status = INTERNAL, since = "0.1")
public record TargetReading(TargetQuery query, String promql, Instant from, Instant to, Duration step,
        List<Series> series, String error, String source, Limit.Style unit) {

    /** The report section it belongs to: {@code target metrics (Prometheus)}, {@code target resources (Docker)}. */
    public String section() {
        return "target " + ("Prometheus".equals(source) ? "metrics" : "resources") + " (" + source + ")";
    }

    /** Whether no series has a finite value. */
    public boolean empty() {
        return series.stream().allMatch(s -> s.finite().findAny().isEmpty());
    }

    /** How values of this metric are shown: in the style of its first limit, else its unit's, else as numbers. */
    public Limit.Style style() {
        return query.max() != null ? query.max().style() : query.min() != null ? query.min().style()
                : unit != null ? unit : Limit.Style.NUMBER;
    }

    /** Why the reading has no value, or empty when it has one: an error, or a query that found no data. */
    public Optional<String> problem() {
        if (error != null) {
            return Optional.of(error);
        }
        if (empty()) {
            return Optional.of("no data from " + TIME.format(from) + " to " + TIME.format(to) + " UTC"
                    + (series.isEmpty() ? "" : " (" + series.size() + " series, every value NaN)")
                    + ("Prometheus".equals(source) ? ": is the target scraped, and does the query name its metrics?"
                    : ": did the container run during the measured window?"));
        }
        return Optional.empty();
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    /** Series a report shows at most, per reading. */
    public static final int SHOWN_SERIES = 5;

    /**
     * What reports show of the reading, a line per series (at most {@link #SHOWN_SERIES}):
     * {@code server p95{uri="/a"}: last 12.3 ms, mean 10.1 ms, max 15.2 ms (58 steps)}, or its problem.
     */
    public List<String> describe() {
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            return List.of(query.name() + ": " + problem.get() + "; query: " + promql);
        }
        Limit.Style style = style();
        List<String> lines = new ArrayList<>();
        for (Series s : series.subList(0, Math.min(SHOWN_SERIES, series.size()))) {
            lines.add(query.name() + (series.size() > 1 ? s.labelsText() : "") + ": last "
                    + style.format(s.last().orElse(Double.NaN)) + ", mean " + style.format(s.mean().orElse(Double.NaN))
                    + ", min " + style.format(s.min().orElse(Double.NaN))
                    + ", max " + style.format(s.max().orElse(Double.NaN)) + " (" + s.finite().count() + " steps)");
        }
        if (series.size() > SHOWN_SERIES) {
            lines.add(query.name() + ": " + (series.size() - SHOWN_SERIES) + " more series");
        }
        return lines;
    }

    /** One result per limit of the target metric: none when it only reports. */
    public List<BudgetResult> budgets() {
        List<BudgetResult> results = new ArrayList<>();
        if (query.max() != null) {
            results.add(judge(query.max(), true));
        }
        if (query.min() != null) {
            results.add(judge(query.min(), false));
        }
        return results;
    }

    private BudgetResult judge(Limit limit, boolean upper) {
        String description = query.name() + (upper ? " <= " : " >= ") + limit.written();
        Quantity quantity = upper ? Quantity.TARGET_MAX : Quantity.TARGET_MIN;
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            return new BudgetResult(description, query.name(), quantity, null, Double.NaN, limit.value(), false,
                    query.name() + ": " + problem.get() + "; query: " + promql);
        }
        Comparator<Reduced> worstLast = Comparator.comparingDouble(Reduced::value);
        Reduced worst = series.stream().map(s -> new Reduced(s, reduce(s, upper)))
                .filter(r -> !Double.isNaN(r.value()))
                .max(upper ? worstLast : worstLast.reversed()).orElseThrow();
        boolean passed = upper ? worst.value() <= limit.value() : worst.value() >= limit.value();
        String in = series.size() > 1 ? " in " + worst.series().labelsText() : "";
        String message = query.name() + " was " + limit.format(worst.value()) + " " + describe(upper) + in + ", "
                + (upper ? "max " : "min ") + limit.written() + " (" + worst.series().finite().count() + " steps of "
                + step.toSeconds() + "s from " + source + ")";
        return new BudgetResult(description, query.name(), quantity, null, worst.value(), limit.value(), passed,
                message);
    }

    private String describe(boolean upper) {
        return switch (query.over()) {
            case WORST -> upper ? "at its highest" : "at its lowest";
            case MEAN -> "on average";
            case LAST -> "at the end";
        };
    }

    private double reduce(Series series, boolean upper) {
        OptionalDouble value = switch (query.over()) {
            case WORST -> upper ? series.max() : series.min();
            case MEAN -> series.mean();
            case LAST -> series.last();
        };
        return value.orElse(Double.NaN);
    }

    private record Reduced(Series series, double value) {
    }
}
