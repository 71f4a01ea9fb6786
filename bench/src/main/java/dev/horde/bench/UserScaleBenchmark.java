package dev.horde.bench;

import static io.restassured.RestAssured.given;

import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.UserThreads;
import dev.horde.internal.metrics.MetricSnapshot;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.restassured.RestAssuredRecorder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How many virtual users one JVM holds: each user does a REST Assured GET and then thinks, so the request rate stays
 * within what the client can send. Prints memory and threads in the steady state and what the users measured.
 *
 * <p>Usage: {@code UserScaleBenchmark <url> <users> <ramp-up s> <duration s> <think ms>}.
 */
public final class UserScaleBenchmark {

    private UserScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        Duration rampUp = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration duration = Duration.ofSeconds(Long.parseLong(args[3]));
        long thinkMillis = Long.parseLong(args[4]);
        RestAssuredRecorder.install();
        given().get(url).then().statusCode(200);
        System.gc();
        long baseline = usedHeap();

        LoadPlan plan = LoadPlan.builder("scale").users(users).duration(duration).rampUp(rampUp).warmUp(rampUp).seed(1)
                .build();
        LoadRun run = new LoadRun(plan, (index, random) -> () -> {
            given().get(url).then().statusCode(200);
            return Duration.ofMillis(thinkMillis);
        });
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(run::execute);
        if (Boolean.getBoolean("bench.trace")) {
            Thread tracer = new Thread(() -> {
                long start = System.nanoTime();
                while (!outcome.isDone()) {
                    String[] fds = new java.io.File("/proc/self/fd").list();
                    System.out.printf(Locale.ROOT, "t=%2ds live threads %,d, open files %,d%n",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
                            ManagementFactory.getThreadMXBean().getThreadCount(), fds == null ? -1 : fds.length);
                    try {
                        TimeUnit.SECONDS.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            tracer.setDaemon(true);
            tracer.start();
        }
        TimeUnit.MILLISECONDS.sleep(rampUp.toMillis() + (duration.toMillis() - rampUp.toMillis()) / 2);
        System.gc();
        long heap = usedHeap() - baseline;
        long rss = rssKilobytes();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        RunOutcome result = outcome.get();

        MetricSnapshot requests = result.metrics().allRequests();
        System.out.printf(Locale.ROOT, "java %s, %s threads: %,d users started (%,d planned), latest %,d ms late, think %d ms%n",
                Runtime.version(), UserThreads.virtualThreadsAvailable() ? "virtual" : "platform",
                result.usersStarted(), users, result.maxStartDelay().toMillis(), thinkMillis);
        System.out.printf(Locale.ROOT, "steady state: heap %,d KB above baseline (%.1f KB per user), RSS %,d MB, %,d live platform threads%n",
                heap / 1024, heap / 1024.0 / users, rss / 1024, threads);
        System.out.printf(Locale.ROOT, "requests: %,d (%,.0f/s), failed %,d %s, p50 %.1f ms, p99 %.1f ms, generator CPU %.0f%%%n",
                requests.count(), requests.count() / (result.measuredWindow().toNanos() / 1e9), requests.failed(),
                requests.errors(), requests.percentileMillis(50), requests.percentileMillis(99), result.generatorCpu() * 100);
        MetricSnapshot iterations = result.metrics().iteration();
        System.out.printf(Locale.ROOT, "iterations: %,d, failed %,d %s; users not stopped at the end: %d%n",
                iterations.count(), iterations.failed(), iterations.errors(), result.usersNotStopped());
        result.metrics().errorSamples().forEach(sample -> System.out.println(sample.stackTrace().lines().limit(8)
                .collect(java.util.stream.Collectors.joining("\n"))));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssKilobytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
