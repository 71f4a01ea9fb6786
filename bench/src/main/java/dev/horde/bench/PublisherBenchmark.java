package dev.horde.bench;

import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.metrics.MetricKind;
import dev.horde.internal.micrometer.Micrometer;
import dev.horde.internal.plan.LoadPlan;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * The Micrometer publisher's own cost, apart from a run's noise: one second's histogram of {@code samples} request
 * latencies (log-normal around 0.7 ms, as a loopback service gives) handed to the publisher of a Prometheus registry
 * again and again; prints the CPU nanoseconds per sample of the last rounds as a {@code publisher} line.
 *
 * <pre>PublisherBenchmark [samples=70000] [rounds=60]</pre>
 */
public final class PublisherBenchmark {

    private PublisherBenchmark() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 70_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Metrics.addRegistry(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        RunObserver publisher = Micrometer.publisherOf(LoadPlan.builder("Bench.publish").build());
        Histogram second = new Histogram(3_600_000_000L, 3);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < samples; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
                    * Math.cos(2 * Math.PI * random.nextDouble());
            second.recordValue((long) (300 + Math.exp(gaussian) * 400));
        }
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        long measured = 0;
        for (int round = 0; round < rounds; round++) {
            long start = thread.getCurrentThreadCpuTime();
            publisher.onHistogram("GET /", MetricKind.REQUEST, false, 0, 1000, second);
            long spent = thread.getCurrentThreadCpuTime() - start;
            if (round >= rounds / 2) { // the second half: warm
                cpu += spent;
                measured += samples;
            }
        }
        System.out.printf("publisher ns_per_sample=%.1f samples_per_second=%d%n", (double) cpu / measured, samples);
    }
}
