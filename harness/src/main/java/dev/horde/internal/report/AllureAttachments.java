package dev.horde.internal.report;

import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.verdict.BudgetResult;
import dev.horde.internal.verdict.GeneratorLimit;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.PropertiesUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
        describe(report, charts, summary, hdrLog, lifecycle, Path.of(PropertiesUtils.loadAllureProperties()
                .getProperty("allure.results.directory", "allure-results")));
    }

    /**
     * Writes an Allure result of its own for {@code report}, which no test ran (a merge of segments), with everything
     * a load test's result has, and one per budget, to {@code results}.
     */
    static void publishMerged(RunResult report, Map<String, String> charts, Path summary, Path hdrLog, Path results) {
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
        AllureLifecycle before = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        try {
            LoadPlan plan = report.plan();
            String type = plan.testId().substring(0, plan.testId().lastIndexOf('.'));
            String method = plan.testId().substring(type.length() + 1);
            String uuid = UUID.randomUUID().toString();
            String id = UUID.nameUUIDFromBytes(plan.testId().getBytes(StandardCharsets.UTF_8)).toString();
            long start = report.startedAt().toEpochMilli();
            lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setHistoryId(id).setTestCaseId(id)
                    .setName(method + " (" + report.merged().count() + " segments merged)").setFullName(plan.testId())
                    .setStart(start).setLabels(new ArrayList<>(List.of(
                            new Label().setName("suite").setValue(type.substring(type.lastIndexOf('.') + 1)),
                            new Label().setName("testClass").setValue(type),
                            new Label().setName("testMethod").setValue(method),
                            new Label().setName("package").setValue(type),
                            new Label().setName("framework").setValue("horde"),
                            new Label().setName("tag").setValue("segments merged")))));
            lifecycle.startTestCase(uuid);
            describe(report, charts, summary, hdrLog, lifecycle, results);
            Optional<String> inconclusive = report.inconclusive();
            lifecycle.updateTestCase(uuid, test -> test.setStop(start + report.outcome().elapsed().toMillis())
                    .setStatus(report.passed() ? Status.PASSED : inconclusive.isPresent() ? Status.SKIPPED
                            : Status.FAILED)
                    .setStatusDetails(new StatusDetails().setMessage(report.passed() ? null
                            : report.verdict().failureMessage(plan.testName(), plan.describe(),
                                    report.outcome().metrics()))));
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        } finally {
            Allure.setLifecycle(before);
        }
    }

    private static void describe(RunResult report, Map<String, String> charts, Path summary, Path hdrLog,
            AllureLifecycle lifecycle, Path results) {
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
        AllureEnvironment.write(report, results);
        budgetResults(report, lifecycle, results);
    }

    /**
     * A result per budget beside the load test's, with its labels and the load test as sub-suite: Allure lists each
     * budget as a test of its own, passed, failed with its message, or skipped as inconclusive.
     */
    private static void budgetResults(RunResult report, AllureLifecycle lifecycle, Path results) {
        List<Label> labels = new ArrayList<>();
        lifecycle.updateTestCase(test -> test.getLabels().stream()
                .filter(label -> !label.getName().equals("subSuite") && !label.getName().equals("AS_ID"))
                .forEach(label -> labels.add(new Label().setName(label.getName()).setValue(label.getValue()))));
        String testId = report.plan().testId();
        labels.add(new Label().setName("subSuite").setValue(report.plan().testName()));
        FileSystemResultsWriter writer = new FileSystemResultsWriter(results);
        Optional<String> inconclusive = report.inconclusive();
        long start = report.startedAt().toEpochMilli();
        for (BudgetResult budget : report.verdict().results()) {
            String name = budget.description() + (budget.implicit() ? " (implicit)" : "");
            String id = UUID.nameUUIDFromBytes((testId + "\n" + name).getBytes(StandardCharsets.UTF_8)).toString();
            boolean skipped = inconclusive.isPresent() && !budget.passed() && GeneratorLimit.distorts(budget);
            writer.write(new TestResult().setUuid(UUID.randomUUID().toString()).setHistoryId(id).setTestCaseId(id)
                    .setName(name).setFullName(testId + " [" + name + "]")
                    .setStatus(skipped ? Status.SKIPPED : budget.passed() ? Status.PASSED : Status.FAILED)
                    .setStatusDetails(new StatusDetails().setMessage(skipped ? "inconclusive: " + budget.message()
                            + " — the load generator was the limit (" + inconclusive.get() + ")" : budget.message()))
                    .setStart(start).setStop(start + report.outcome().elapsed().toMillis())
                    .setLabels(new ArrayList<>(labels)));
        }
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
