package dev.horde.internal.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Interval;
import dev.horde.internal.metrics.IntervalListener;
import dev.horde.internal.metrics.MetricKind;
import org.apiguardian.api.API;

/**
 * Watches a run as it goes: each interval's histograms (from {@link IntervalListener}) and, once per interval, the
 * interval's statistics with the run's progress. Called on the sampler thread; must not block for long.
 */
@API(status = INTERNAL, since = "0.1")
public interface RunObserver extends IntervalListener {

    /** Watches nothing. */
    RunObserver NONE = new RunObserver() {
    };

    @Override
    default void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs,
            org.HdrHistogram.Histogram histogram) {
    }

    /** One more interval is done. */
    default void onInterval(Interval interval, Progress progress) {
    }

    /** The run ended with {@code last}, its last (partial) interval: {@code progress} has every sample. */
    default void onRunEnd(Interval last, Progress progress) {
    }

    /** All of {@code observers}, in order. */
    static RunObserver all(RunObserver... observers) {
        return new RunObserver() {
            @Override
            public void onHistogram(String metric, MetricKind kind, boolean failed, long startMs, long endMs,
                    org.HdrHistogram.Histogram histogram) {
                for (RunObserver observer : observers) {
                    observer.onHistogram(metric, kind, failed, startMs, endMs, histogram);
                }
            }

            @Override
            public void onRunEnd(Interval last, Progress progress) {
                for (RunObserver observer : observers) {
                    observer.onRunEnd(last, progress);
                }
            }

            @Override
            public void onInterval(Interval interval, Progress progress) {
                for (RunObserver observer : observers) {
                    observer.onInterval(interval, progress);
                }
            }
        };
    }
}
