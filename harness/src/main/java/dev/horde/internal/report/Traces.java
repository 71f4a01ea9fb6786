package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.metrics.RunMetrics;
import dev.horde.internal.metrics.TracedSample;
import dev.horde.internal.plan.LoadPlan;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import org.apiguardian.api.API;

/** The traces reports point to: the slowest request's, and links into the user's tracing UI ({@code horde.trace.link}). */
@API(status = INTERNAL, since = "0.1")
public final class Traces {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    /** A slow sample and the metric it was recorded under. */
    public record Slow(String metric, TracedSample sample) {

        /** {@code GET /api/posts/{id} 412 ms at 12:03:04.120, trace 4bf9…4736} and the link, if any. */
        public String describe(LoadPlan plan) {
            return metric + " " + dev.horde.internal.metrics.Format.millis(sample.millis()) + " at "
                    + TIME.format(Instant.ofEpochMilli(sample.epochMillis())) + ", trace " + sample.traceId()
                    + link(plan, sample.traceId()).map(link -> " " + link).orElse("");
        }
    }

    private Traces() {
    }

    /** The link to {@code traceId} if the plan has a link and the id is known. */
    public static Optional<String> link(LoadPlan plan, String traceId) {
        return plan.traceLink() == null || traceId == null ? Optional.empty()
                : Optional.of(plan.traceLink().replace("{traceId}", traceId));
    }

    /** The slowest request of the run that was traced, if any. */
    public static Optional<Slow> slowestRequest(RunMetrics metrics) {
        return metrics.ofKind(MetricKind.REQUEST).stream()
                .filter(metric -> !metric.slowest().isEmpty())
                .map(metric -> new Slow(metric.name(), metric.slowest().get(0)))
                .max(Comparator.comparingLong(slow -> slow.sample().micros()));
    }
}
