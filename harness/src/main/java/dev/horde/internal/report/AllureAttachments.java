package dev.horde.internal.report;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.BudgetResult;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** The Allure side of {@link AllureSupport}; loaded only when Allure is on the class path. */
final class AllureAttachments {

    private AllureAttachments() {
    }

    static void publish(RunResult report, Map<String, String> charts, Path summary, Path hdrLog) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        LoadPlan plan = report.plan();
        Allure.parameter("load", plan.describe());
        Allure.parameter("model", plan.model().label());
        Allure.parameter("users", plan.users());
        Allure.parameter("duration", Durations.format(plan.duration()));
        Allure.parameter("warm-up", Durations.format(plan.warmUp()));
        Allure.parameter("target", plan.targetText());
        Allure.parameter("threads", report.plan().threads().label());
        Allure.parameter("seed", Long.toString(plan.seed()));
        Allure.parameter("generator warm-up",
                report.generatorWarmUp() == null ? "off" : report.generatorWarmUp().describe());
        if (report.outcome().generatorSaturated()) {
            Allure.parameter("latencies include generator queueing",
                    "saturated in " + Format.percent(report.outcome().saturatedShare()) + " of the measured window");
        }
        Traces.slowestRequest(report.outcome().metrics()).ifPresent(slow -> {
            Allure.parameter("slowest request", slow.describe(plan));
            Traces.link(plan, slow.sample().traceId()).ifPresent(link -> Allure.link("trace of the slowest request",
                    link));
        });
        for (BudgetResult budget : report.verdict().results()) {
            Allure.step((budget.passed() ? "budget kept: " : "budget broken: ") + budget.shown(),
                    budget.passed() ? Status.PASSED : Status.FAILED);
        }
        Allure.addAttachment("load test summary", "text/html", HtmlSummary.render(report, charts), ".html");
        charts.forEach((title, svg) -> Allure.addAttachment(title, "image/svg+xml", svg, ".svg"));
        attachFile("JSON summary", "application/json", summary, ".json");
        attachFile("HdrHistogram interval log", "text/plain", hdrLog, ".hlog");
        if (!report.outcome().metrics().errorSamples().isEmpty()) {
            Allure.addAttachment("first errors", "text/plain", report.outcome().metrics().errorSamples().stream()
                    .map(sample -> sample.metric() + ": " + sample.cause()
                            + (sample.traceId() == null ? "" : " (trace " + sample.traceId() + ")") + "\n"
                            + sample.stackTrace())
                    .collect(Collectors.joining("\n")), ".txt");
        }
        AllureEnvironment.write(report);
    }

    private static void attachFile(String name, String type, Path file, String extension) {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Allure.addAttachment(name, type, Files.readString(file, StandardCharsets.UTF_8), extension);
        } catch (IOException e) {
            Allure.addAttachment(name + " (unreadable)", "text/plain", e.toString(), ".txt");
        }
    }
}
