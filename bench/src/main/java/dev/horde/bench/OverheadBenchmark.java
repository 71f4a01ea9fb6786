package dev.horde.bench;

import static io.restassured.RestAssured.given;

import dev.horde.internal.engine.Iteration;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.UserScript;
import dev.horde.internal.engine.UserThreads;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.ThreadKind;
import dev.horde.internal.restassured.RestAssuredRecorder;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures what the harness adds: the same loop run by plain threads and by the harness, in alternating rounds,
 * reporting iterations per second and process CPU milliseconds per iteration over the measured window only.
 *
 * <p>Usage: {@code OverheadBenchmark <url> <users> <warm-up seconds> <measured seconds> <rounds>}. Bodies: a
 * REST Assured GET of {@code url} with a status check, and an empty body (the harness's own per-iteration cost).
 */
public final class OverheadBenchmark {

    private OverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int users = Integer.parseInt(args[1]);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(args[2]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[3]));
        int rounds = Integer.parseInt(args[4]);
        System.out.printf(Locale.ROOT, "java %s, %d cores, %s threads, %d users, %ds warm-up + %ds measured, %d rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(),
                UserThreads.virtualThreadsAvailable() ? "virtual" : "platform", users, warmUp.toSeconds(),
                measured.toSeconds(), rounds);
        RestAssuredRecorder.install();
        given().get(url).then().statusCode(200); // load REST Assured's classes once, outside any measurement

        Iteration restAssured = () -> given().get(url).then().statusCode(200);
        Iteration empty = () -> { };
        if (System.getProperty("bench.assertions") != null) {
            compareAssertions(url, users, warmUp, measured);
            return;
        }
        compare("REST Assured GET", restAssured, users, warmUp, measured, rounds);
        compare("empty body", empty, 1, Duration.ofSeconds(2), Duration.ofSeconds(3), rounds);
    }

    private static void compare(String name, Iteration body, int users, Duration warmUp, Duration measured, int rounds)
            throws Exception {
        List<Result> plain = new ArrayList<>();
        List<Result> harness = new ArrayList<>();
        for (int round = 0; round < rounds; round++) { // alternate who goes first: JIT warm-up favours the second
            if (round % 2 == 0) {
                plain.add(plain(body, users, warmUp, measured));
                harness.add(harness(body, users, warmUp, measured));
            } else {
                harness.add(harness(body, users, warmUp, measured));
                plain.add(plain(body, users, warmUp, measured));
            }
        }
        Result p = median(plain);
        Result h = median(harness);
        System.out.printf(Locale.ROOT, "%-18s plain   %,12.0f it/s  %,10.2f cpu-us/it%n", name, p.rate, p.cpuMs * 1e3);
        System.out.printf(Locale.ROOT, "%-18s harness %,12.0f it/s  %,10.2f cpu-us/it%n", name, h.rate, h.cpuMs * 1e3);
        System.out.printf(Locale.ROOT, "%-18s harness vs plain: %+.1f%% iterations/s, %+.2f cpu-us per iteration%n", name,
                (h.rate / p.rate - 1) * 100, (h.cpuMs - p.cpuMs) * 1e3);
    }

    /** What REST Assured's ways of checking a JSON body cost, each run by the harness. */
    private static void compareAssertions(String url, int users, Duration warmUp, Duration measured) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Map<String, Iteration> bodies = new java.util.LinkedHashMap<>();
        bodies.put("status only", () -> given().get(url).then().statusCode(200));
        bodies.put("body(path, matcher)", () -> given().get(url).then().statusCode(200)
                .body("channel", org.hamcrest.Matchers.equalTo("town-square")));
        bodies.put("extract().path()", () -> {
            String channel = given().get(url).then().statusCode(200).extract().path("channel");
            check(channel);
        });
        bodies.put("jsonPath().getString()", () -> check(given().get(url).then().statusCode(200).extract()
                .jsonPath().getString("channel")));
        bodies.put("Jackson on asByteArray", () -> check(mapper.readTree(given().get(url).then().statusCode(200)
                .extract().asByteArray()).get("channel").asText()));
        for (var body : bodies.entrySet()) {
            harness(body.getValue(), users, warmUp, measured); // first pass: warms every style up
        }
        for (var body : bodies.entrySet()) {
            Result result = harness(body.getValue(), users, warmUp, measured);
            System.out.printf(Locale.ROOT, "%-26s %,8.0f it/s  %,10.0f cpu-us/it%n", body.getKey(), result.rate,
                    result.cpuMs * 1e3);
        }
    }

    private static void check(String channel) {
        if (!"town-square".equals(channel)) {
            throw new AssertionError("channel was " + channel);
        }
    }

    /** The loop without the harness: threads of the same kind, a shared counter, nothing recorded. */
    private static Result plain(Iteration body, int users, Duration warmUp, Duration measured) throws Exception {
        LongAdder done = new LongAdder();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        ThreadFactory threads = UserThreads.factory(ThreadKind.AUTO);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Thread thread = threads.newThread(() -> {
                try {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        body.run();
                        if (now >= measureFrom) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
            started.add(thread);
            thread.start();
        }
        TimeUnit.NANOSECONDS.sleep(measureFrom - System.nanoTime());
        long cpu = cpuNanos();
        long count = done.sum();
        TimeUnit.NANOSECONDS.sleep(end - System.nanoTime());
        long cpuUsed = cpuNanos() - cpu;
        long measuredCount = done.sum() - count;
        for (Thread thread : started) {
            thread.join();
        }
        return new Result(measuredCount / (measured.toNanos() / 1e9), cpuUsed / 1e6 / measuredCount);
    }

    /** The same loop run by the harness: users, iteration recording and REST Assured recording included. */
    private static Result harness(Iteration body, int users, Duration warmUp, Duration measured) throws Exception {
        LoadPlan plan = LoadPlan.builder("bench").users(users).duration(warmUp.plus(measured)).warmUp(warmUp).seed(1)
                .build();
        LoadRun run = new LoadRun(plan, (index, random) -> UserScript.of(body));
        long start = System.nanoTime();
        CompletableFuture<RunOutcome> outcome = CompletableFuture.supplyAsync(run::execute);
        TimeUnit.NANOSECONDS.sleep(start + warmUp.toNanos() - System.nanoTime());
        long cpu = cpuNanos();
        TimeUnit.NANOSECONDS.sleep(start + warmUp.plus(measured).toNanos() - System.nanoTime());
        long cpuUsed = cpuNanos() - cpu;
        RunOutcome result = outcome.get();
        long count = result.metrics().iteration().count();
        double seconds = result.measuredWindow().toNanos() / 1e9;
        return new Result(count / seconds, cpuUsed / 1e6 / count);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Result median(List<Result> results) {
        List<Result> sorted = new ArrayList<>(results);
        sorted.sort((a, b) -> Double.compare(a.rate, b.rate));
        return sorted.get(sorted.size() / 2);
    }

    private record Result(double rate, double cpuMs) {
    }
}
