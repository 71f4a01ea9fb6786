package dev.horde.engine;

import dev.horde.metrics.Interval;
import dev.horde.metrics.IntervalListener;

/**
 * Watches a run as it goes: each interval's histograms (from {@link IntervalListener}) and, once per interval, the
 * interval's statistics with the run's progress. Called on the sampler thread; must not block for long.
 */
public interface RunObserver extends IntervalListener {

    /** Watches nothing. */
    RunObserver NONE = new RunObserver() {
    };

    @Override
    default void onHistogram(String metric, long startMs, long endMs, org.HdrHistogram.Histogram histogram) {
    }

    /** One more interval is done. */
    default void onInterval(Interval interval, Progress progress) {
    }

    /** All of {@code observers}, in order. */
    static RunObserver all(RunObserver... observers) {
        return new RunObserver() {
            @Override
            public void onHistogram(String metric, long startMs, long endMs, org.HdrHistogram.Histogram histogram) {
                for (RunObserver observer : observers) {
                    observer.onHistogram(metric, startMs, endMs, histogram);
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
