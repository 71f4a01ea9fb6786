package dev.horde.internal.prometheus;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.plan.LoadPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/** Asks Prometheus for a plan's target metrics: once before the run, to check them, and over its measured window. */
@API(status = INTERNAL, since = "0.1")
public final class TargetMetrics {

    /** Time between two evaluations of a query: the run's interval, unless the window needs more to fit. */
    static final Duration STEP = Duration.ofSeconds(1);
    /** Prometheus refuses a range query of more points than this. */
    private static final long MAX_POINTS = 10_000;
    /** The longest a reading waits for Prometheus to scrape past the run's end. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

    private TargetMetrics() {
    }

    /**
     * Checks, before any user starts, that {@code plan}'s Prometheus server answers and accepts each query.
     *
     * @throws LoadTestConfigurationException naming the annotation, the query and Prometheus' own message otherwise
     */
    public static void check(LoadPlan plan) {
        if (plan.targetQueries().isEmpty()) {
            return;
        }
        PrometheusServer server = new PrometheusServer(plan.prometheusUrl());
        Duration window = plan.duration().minus(plan.warmUp());
        Instant now = Instant.now();
        for (TargetQuery query : plan.targetQueries()) {
            String promql = query.expand(window, STEP);
            try {
                server.range(promql, now.minus(STEP), now, STEP);
            } catch (PrometheusException e) {
                throw new LoadTestConfigurationException(query.where() + " cannot be read: " + e.getMessage()
                        + "; query: " + promql + ". Start Prometheus before the test, or point "
                        + "horde.prometheus.url at it; write the query as Prometheus' expression browser accepts it.");
            }
        }
    }

    /**
     * Reads every target metric of {@code plan} from {@code from} to {@code to}, once Prometheus has scraped its
     * targets past {@code to} (or the longest scrape interval and a second have passed); an error of the server
     * becomes the readings' error, never an exception.
     */
    public static List<TargetReading> read(LoadPlan plan, Instant from, Instant to) {
        if (plan.targetQueries().isEmpty()) {
            return List.of();
        }
        Duration window = Duration.between(from, to);
        Duration step = Duration.ofSeconds(
                Math.max(STEP.toSeconds(), (window.toSeconds() + MAX_POINTS - 1) / MAX_POINTS));
        PrometheusServer server = new PrometheusServer(plan.prometheusUrl());
        String unavailable = null;
        try {
            Duration wait = server.longestScrapeInterval().plusSeconds(1);
            server.awaitScrapesAfter(to, to.plus(wait.compareTo(LONGEST_WAIT) < 0 ? wait : LONGEST_WAIT));
        } catch (PrometheusException e) {
            unavailable = e.getMessage();
        }
        List<TargetReading> readings = new ArrayList<>();
        for (TargetQuery query : plan.targetQueries()) {
            String promql = query.expand(window, step);
            List<Series> series = List.of();
            String error = unavailable;
            if (error == null) {
                try {
                    series = server.range(promql, from, to, step);
                } catch (PrometheusException e) {
                    error = e.getMessage();
                }
            }
            readings.add(new TargetReading(query, promql, from, to, step, series, error, "Prometheus", null));
        }
        return List.copyOf(readings);
    }
}
