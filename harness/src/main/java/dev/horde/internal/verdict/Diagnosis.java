package dev.horde.internal.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.FailureCause;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.metrics.RunMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What the target did, in one plain sentence, when at least half of the requests (or iterations) failed, e.g.
 * {@code target unreachable: 1,200 of 1,200 requests: connection refused (127.0.0.1:8089)}. The kind of fault is
 * the one most failures share: unreachable, not answering in time, dropped connections, malformed responses, server
 * errors, rejected requests, requests that outlasted the run, or requests that failed in the HTTP client itself.
 */
@API(status = INTERNAL, since = "0.1")
public final class Diagnosis {

    /** The share of failed requests from which the target, not a few requests, is the story. */
    static final double MOST = 0.5;

    private Diagnosis() {
    }

    /**
     * The sentence for {@code metrics}: on requests when at least half of them failed, else on iterations when at
     * least half of those did; empty otherwise.
     */
    public static Optional<String> of(RunMetrics metrics) {
        Optional<String> requests = metrics.allRequests() == null
                ? Optional.empty()
                : of(metrics.allRequests(), "requests");
        return requests.isPresent() ? requests : of(metrics.iteration(), "iterations");
    }

    private static Optional<String> of(MetricSnapshot subject, String unit) {
        long total = subject.sent() > 0 ? subject.sent() : subject.count();
        if (subject.failed() == 0 || subject.failed() < MOST * total) {
            return Optional.empty();
        }
        Map<String, Long> byFault = new LinkedHashMap<>();
        subject.errors().forEach((cause, n) -> byFault.merge(fault(cause, unit), n, Long::sum));
        String fault = byFault.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return Optional.of(fault + ": " + Format.count(subject.failed()) + " of " + Format.count(total) + " " + unit
                + ": " + causes(subject.errors()));
    }

    /** The kind of fault a failure cause stands for. */
    static String fault(String cause, String unit) {
        if (FailureCause.unreachable(cause)) {
            return "target unreachable";
        }
        if (cause.startsWith("timeout")) {
            return "target not answering in time";
        }
        if (cause.startsWith("connection reset") || cause.startsWith("connection closed")
                || cause.startsWith("no response") || cause.startsWith("broken pipe") || cause.startsWith("socket error")) {
            return "target dropped connections";
        }
        if (cause.startsWith("malformed response")) {
            return "target sent malformed responses";
        }
        if (cause.startsWith("HTTP 5")) {
            return "target failing";
        }
        if (cause.startsWith("HTTP 4")) {
            return "target rejected " + unit;
        }
        if (cause.startsWith(FailureCause.CLIENT_ERROR)) {
            return unit + " failed in the HTTP client, not at the target";
        }
        if (cause.startsWith(FailureCause.CUT_OFF)) {
            return unit + " outlasted the run";
        }
        return unit + " failed";
    }

    private static String causes(Map<String, Long> errors) {
        return errors.size() == 1 ? errors.keySet().iterator().next() : FailureCause.summary(errors);
    }
}
