package dev.horde.internal.baseline;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apiguardian.api.API;

/**
 * A statistic of this run against the same statistic of a baseline run, with how sure the change is: a bootstrap over
 * the runs' one-second intervals. Each resample draws as many intervals as the run measured, with replacement, from
 * each run apart, merges their samples and takes the statistic; the ratios of {@value #RESAMPLES} resamples give the
 * {@value #CONFIDENCE} confidence interval of the change. Intervals keep the runs' slow seconds together, as a stall
 * or a GC pause makes them, so the interval is honest about noise that comes in bursts. Seeded: the same runs give
 * the same interval.
 *
 * @param baseline the statistic of the baseline run
 * @param now the statistic of this run
 * @param change {@code now / baseline - 1}, e.g. {@code 0.3} for 30% more
 * @param low the lower bound of the change's confidence interval
 * @param high the upper bound
 */
@API(status = INTERNAL, since = "0.1")
public record Comparison(double baseline, double now, double change, double low, double high) {

    /** Resamples of each run. */
    public static final int RESAMPLES = 1_000;
    /** The confidence of {@link #low()} … {@link #high()}. */
    public static final double CONFIDENCE = 0.95;

    /**
     * A latency percentile (0–100; NaN for the mean), in milliseconds, of the samples that succeeded in
     * {@code now}'s intervals against {@code baseline}'s; null when either has no sample.
     */
    public static Comparison latency(List<Histogram> baseline, List<Histogram> now, double percentile, long seed) {
        Samples all = Samples.of(baseline, now);
        if (all.total(0) == 0 || all.total(1) == 0) {
            return null;
        }
        ToDoubleFunction<long[]> statistic = counts -> all.statistic(counts, percentile) / 1_000.0;
        return compare(all, statistic, seed);
    }

    /** Samples per second over {@code now}'s intervals against {@code baseline}'s; null when either has none. */
    public static Comparison throughput(List<long[]> baseline, List<long[]> now, long seed) {
        if (baseline.isEmpty() || now.isEmpty()) {
            return null;
        }
        double base = rate(baseline);
        double current = rate(now);
        SplittableRandom random = new SplittableRandom(seed);
        double[] changes = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            changes[i] = rate(resample(now, random)) / rate(resample(baseline, random)) - 1;
        }
        return of(base, current, changes);
    }

    /** Counts per second of {@code intervals}, each {@code {count, milliseconds}}. */
    private static double rate(List<long[]> intervals) {
        long count = 0;
        long millis = 0;
        for (long[] interval : intervals) {
            count += interval[0];
            millis += interval[1];
        }
        return millis == 0 ? 0 : count * 1_000.0 / millis;
    }

    private static List<long[]> resample(List<long[]> intervals, SplittableRandom random) {
        List<long[]> drawn = new ArrayList<>(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            drawn.add(intervals.get(random.nextInt(intervals.size())));
        }
        return drawn;
    }

    private static Comparison compare(Samples all, ToDoubleFunction<long[]> statistic, long seed) {
        double base = statistic.applyAsDouble(all.merged(0));
        double current = statistic.applyAsDouble(all.merged(1));
        SplittableRandom random = new SplittableRandom(seed);
        double[] changes = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            double resampledNow = statistic.applyAsDouble(all.resample(1, random));
            double resampledBase = statistic.applyAsDouble(all.resample(0, random));
            changes[i] = resampledNow / resampledBase - 1;
        }
        return of(base, current, changes);
    }

    private static Comparison of(double base, double current, double[] changes) {
        Arrays.sort(changes);
        double tail = (1 - CONFIDENCE) / 2;
        int low = (int) Math.floor(tail * RESAMPLES);
        int high = (int) Math.ceil((1 - tail) * RESAMPLES) - 1;
        return new Comparison(base, current, current / base - 1, changes[low], changes[high]);
    }

    /**
     * The intervals of two runs over one sorted list of the distinct values they hold: each interval a sparse list of
     * (value index, count), so a resample adds counts into one array instead of merging histograms.
     */
    private static final class Samples {

        private final long[] values;
        private final List<List<int[]>> indexes = new ArrayList<>(2);
        private final List<List<long[]>> counts = new ArrayList<>(2);

        private Samples(long[] values) {
            this.values = values;
        }

        static Samples of(List<Histogram> baseline, List<Histogram> now) {
            long[] distinct = distinctValues(baseline, now);
            Samples samples = new Samples(distinct);
            samples.add(baseline);
            samples.add(now);
            return samples;
        }

        private static long[] distinctValues(List<Histogram> baseline, List<Histogram> now) {
            TreeSet<Long> distinct = new TreeSet<>();
            for (List<Histogram> run : List.of(baseline, now)) {
                for (Histogram interval : run) {
                    for (HistogramIterationValue value : interval.recordedValues()) {
                        distinct.add(value.getValueIteratedTo());
                    }
                }
            }
            return distinct.stream().mapToLong(Long::longValue).toArray();
        }

        private void add(List<Histogram> run) {
            List<int[]> runIndexes = new ArrayList<>();
            List<long[]> runCounts = new ArrayList<>();
            for (Histogram interval : run) {
                int[] index = new int[16];
                long[] count = new long[16];
                int n = 0;
                for (HistogramIterationValue value : interval.recordedValues()) { // one value object, reused
                    if (n == index.length) {
                        index = Arrays.copyOf(index, 2 * n);
                        count = Arrays.copyOf(count, 2 * n);
                    }
                    index[n] = Arrays.binarySearch(values, value.getValueIteratedTo());
                    count[n] = value.getCountAtValueIteratedTo();
                    n++;
                }
                if (n > 0) {
                    runIndexes.add(Arrays.copyOf(index, n));
                    runCounts.add(Arrays.copyOf(count, n));
                }
            }
            indexes.add(runIndexes);
            counts.add(runCounts);
        }

        long total(int run) {
            long total = 0;
            for (long[] interval : counts.get(run)) {
                for (long count : interval) {
                    total += count;
                }
            }
            return total;
        }

        long[] merged(int run) {
            long[] dense = new long[values.length];
            for (int i = 0; i < indexes.get(run).size(); i++) {
                addInterval(run, i, dense);
            }
            return dense;
        }

        long[] resample(int run, SplittableRandom random) {
            long[] dense = new long[values.length];
            int intervals = indexes.get(run).size();
            for (int i = 0; i < intervals; i++) {
                addInterval(run, random.nextInt(intervals), dense);
            }
            return dense;
        }

        private void addInterval(int run, int interval, long[] dense) {
            int[] index = indexes.get(run).get(interval);
            long[] count = counts.get(run).get(interval);
            for (int j = 0; j < index.length; j++) {
                dense[index[j]] += count[j];
            }
        }

        /** A percentile (0–100) of {@code dense} as HdrHistogram reads one, or the mean when NaN; microseconds. */
        double statistic(long[] dense, double percentile) {
            long total = 0;
            double sum = 0;
            for (int i = 0; i < dense.length; i++) {
                total += dense[i];
                sum += (double) dense[i] * values[i];
            }
            if (Double.isNaN(percentile)) {
                return sum / total;
            }
            long wanted = Math.max(1, (long) (percentile / 100.0 * total + 0.5));
            long seen = 0;
            for (int i = 0; i < dense.length; i++) {
                seen += dense[i];
                if (seen >= wanted) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }
}
