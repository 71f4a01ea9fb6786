package dev.horde.internal.metrics;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apiguardian.api.API;

/**
 * The samples of one named metric: how many started, the latencies of those that succeeded and of those that failed
 * in two HdrHistogram {@link Recorder}s (microseconds, three significant digits, wait-free for writers), and failures
 * by cause. A sample is counted when it {@linkplain #start() starts} and ends as exactly one success or failure.
 * Safe for any number of recording threads; recording takes no lock and allocates nothing on success.
 */
@API(status = INTERNAL, since = "0.1")
public final class Metric {

    /** Highest latency tracked exactly; longer samples are recorded as this value. */
    static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.HOURS.toMicros(1);
    static final int SIGNIFICANT_DIGITS = 3;

    private final String name;
    private final MetricKind kind;
    private final RecordingWindow window;
    private final ErrorSamples errorSamples;
    private final Recorder latencies = new Recorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    private final Recorder failedLatencies = new Recorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    private final LongAdder sent = new LongAdder();
    private final FailureCounts causes = new FailureCounts();
    private final SlowestSamples slowest = new SlowestSamples();
    private final Histogram total = newHistogram();
    private final Histogram failedTotal = newHistogram();
    private Histogram recycled;
    private Histogram recycledFailed;

    Metric(String name, MetricKind kind, RecordingWindow window, ErrorSamples errorSamples) {
        this.name = name;
        this.kind = kind;
        this.window = window;
        this.errorSamples = errorSamples;
    }

    /** The metric's name, e.g. {@code "GET /api/posts/{id}"}. */
    public String name() {
        return name;
    }

    /** Whether this is a request or an iteration metric. */
    public MetricKind kind() {
        return kind;
    }

    /** Counts a sample that starts now and returns its start ({@link System#nanoTime()}) for the record of its end. */
    public long start() {
        long now = System.nanoTime();
        started(now);
        return now;
    }

    /** Counts a sample that started (or was due to start) at {@code startNanos}, whose end is recorded later. */
    public void started(long startNanos) {
        if (window.accepts(startNanos)) {
            sent.increment();
        }
    }

    /** Records a sample that succeeded; {@code startNanos} and {@code endNanos} come from {@link System#nanoTime()}. */
    public void recordSuccess(long startNanos, long endNanos) {
        if (window.accepts(startNanos)) {
            long micros = micros(startNanos, endNanos);
            latencies.recordValue(micros);
            slowest.offer(micros, kind == MetricKind.REQUEST);
        }
    }

    /**
     * Records a sample that failed, with a short cause such as {@code "HTTP 500"} or {@code "connection refused"}
     * (see {@link FailureCause}); once the run is cut off, the cause is {@value FailureCause#CUT_OFF}.
     */
    public void recordFailure(long startNanos, long endNanos, String cause) {
        if (window.accepts(startNanos)) {
            failedLatencies.recordValue(micros(startNanos, endNanos));
            causes.increment(window.isCutOff() ? FailureCause.CUT_OFF : cause);
        }
    }

    /** Records a sample that failed with {@code cause}, and keeps {@code failure} as an example if it is among the first. */
    public void recordFailure(long startNanos, long endNanos, String cause, Throwable failure) {
        recordFailure(startNanos, endNanos, cause);
        sampleError(cause, failure);
    }

    /** Counts and records a sample known only once it ended now, successfully: it started at {@code startNanos}. */
    public void recordEnded(long startNanos) {
        started(startNanos);
        recordSuccess(startNanos, System.nanoTime());
    }

    /** Counts and records a sample known only once it failed now with {@code cause}; samples {@code failure} if not null. */
    public void recordEnded(long startNanos, String cause, Throwable failure) {
        started(startNanos);
        recordFailure(startNanos, System.nanoTime(), cause);
        if (failure != null) {
            sampleError(cause, failure);
        }
    }

    /** Keeps {@code failure} as an example of {@code cause} if it is among the run's first distinct causes. */
    public void sampleError(String cause, Throwable failure) {
        errorSamples.offer(name, window.isCutOff() ? FailureCause.CUT_OFF : cause, failure);
    }

    /** Whether a failure with {@code cause} would be sampled: a caller may skip describing one that would not. */
    public boolean wantsErrorSample(String cause) {
        return !window.isCutOff() && errorSamples.wants(cause);
    }

    private static long micros(long startNanos, long endNanos) {
        long micros = Math.max(0, endNanos - startNanos) / 1_000;
        return Math.min(micros, HIGHEST_TRACKABLE_MICROS);
    }

    /** Everything recorded so far. Readers serialize on this metric; recording threads never wait. */
    synchronized MetricSnapshot snapshot() {
        drain(null);
        return peek(sent.sum()); // sent read last: every sample counted in the histograms was counted as sent
    }

    /** What the last drain left in the totals: at most one interval old, and drains nothing. */
    synchronized MetricSnapshot peek() {
        return peek(sent.sum());
    }

    private MetricSnapshot peek(long sentNow) {
        long ended = total.getTotalCount() + failedTotal.getTotalCount();
        return new MetricSnapshot(name, kind, Math.max(sentNow, ended), total.copy(), failedTotal.copy(),
                causes.snapshot(), slowest.snapshot());
    }

    /**
     * Moves what was recorded since the last drain into the totals and hands it to {@code interval} (if not null):
     * the latencies of the samples that succeeded and of those that failed, valid during the call.
     */
    synchronized void drain(java.util.function.BiConsumer<Histogram, Histogram> interval) {
        Histogram recent = latencies.getIntervalHistogram(recycled);
        Histogram recentFailed = failedLatencies.getIntervalHistogram(recycledFailed);
        total.add(recent);
        failedTotal.add(recentFailed);
        if (interval != null) {
            interval.accept(recent, recentFailed);
        }
        recycled = recent;
        recycledFailed = recentFailed;
    }

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }
}
