package dev.horde.internal.jupiter;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.LoadTest;
import dev.horde.internal.baseline.Baseline;
import dev.horde.internal.capacity.CapacityResult;
import dev.horde.internal.capacity.CapacitySearch;
import dev.horde.internal.container.ResourceSampler;
import dev.horde.internal.dashboard.Dashboard;
import dev.horde.internal.engine.GeneratorWarmUp;
import dev.horde.internal.engine.LoadRun;
import dev.horde.internal.engine.RunObserver;
import dev.horde.internal.engine.RunOutcome;
import dev.horde.internal.engine.StopCondition;
import dev.horde.internal.http.ClientLogging;
import dev.horde.internal.micrometer.Micrometer;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.prometheus.TargetMetrics;
import dev.horde.internal.prometheus.TargetReading;
import dev.horde.internal.report.AllureSupport;
import dev.horde.internal.report.BuildReport;
import dev.horde.internal.report.ConsoleProgress;
import dev.horde.internal.report.ConsoleSummary;
import dev.horde.internal.report.HdrLog;
import dev.horde.internal.report.JUnitXml;
import dev.horde.internal.report.JsonSummary;
import dev.horde.internal.report.LoadCharts;
import dev.horde.internal.report.RunResult;
import dev.horde.internal.restassured.ClientWarmUp;
import dev.horde.internal.restassured.RestAssuredRecorder;
import dev.horde.internal.restassured.RestAssuredTarget;
import dev.horde.internal.script.MethodScriptFactory;
import dev.horde.internal.verdict.BudgetWatch;
import dev.horde.internal.verdict.Verdict;
import dev.horde.user.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstances;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link LoadTest} method as a load test instead of calling it once, then reports and checks its budgets.
 * Registered by {@link LoadTest} and the budget annotations; not public API.
 */
@API(status = INTERNAL, since = "0.1")
public final class LoadTestExtension implements InvocationInterceptor, ParameterResolver, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoadTestExtension.class);

    static {
        ClientLogging.quietWhenUnconfigured(); // before httpclient5 first logs
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        AnnotationPlacement.checkClass(context.getRequiredTestClass());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getDeclaringExecutable() instanceof Method method
                && AnnotationPlacement.isLoadTest(method)
                && User.class.isAssignableFrom(parameter.getParameter().getType());
    }

    /** Null: each virtual user gets its own instance when it starts, see {@link MethodScriptFactory}. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return null;
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        if (!AnnotationPlacement.isLoadTest(method)) {
            AnnotationPlacement.checkMethod(method);
            invocation.proceed();
            return;
        }
        LoadPlan plan = new PlanReader(configuration(context), context::getConfigurationParameter)
                .read(context.getRequiredTestClass(), method,
                        context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of()));
        MethodScriptFactory users = MethodScriptFactory.of(method, invocationContext.getTarget().orElse(null),
                invocationContext.getArguments(), plan.controller());
        invocation.skip();
        TargetMetrics.check(plan);

        RestAssuredTarget restAssured = RestAssuredTarget.pointAt(plan.target());
        RestAssuredRecorder.install();
        try {
            run(plan, users, context);
        } finally {
            RestAssuredRecorder.uninstall();
            restAssured.restore();
        }
    }

    /**
     * The {@code horde.*} configuration, read once per test plan and kept in the root context's store; starts the
     * Prometheus endpoint and the OTLP push it asks for.
     */
    private static HordeConfiguration configuration(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(HordeConfiguration.class, key -> {
            HordeConfiguration configuration = HordeConfiguration.read(context::getConfigurationParameter);
            configuration.prometheus().ifPresent(address -> Micrometer.servePrometheus(address,
                    context.getConfigurationParameter(LoadTest.PROMETHEUS_PROPERTY_NAME).orElseThrow().strip()));
            configuration.otlp().ifPresent(Micrometer::pushOtlp);
            return configuration;
        }, HordeConfiguration.class);
    }

    /** The live page the configuration asks for, started at the first load test, closed when the test plan ends. */
    private static Dashboard dashboard(ExtensionContext context) {
        HordeConfiguration configuration = configuration(context);
        if (configuration.dashboard().isEmpty()) {
            return null;
        }
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PlanEnd.class, key -> new PlanEnd(
                Dashboard.start(configuration.dashboard().get(), configuration.dashboardLinger(),
                        context.getConfigurationParameter(LoadTest.DASHBOARD_PROPERTY_NAME).orElseThrow().strip())),
                PlanEnd.class).dashboard();
    }

    private static void run(LoadPlan plan, MethodScriptFactory users, ExtensionContext context)
            throws IOException, InterruptedException {
        Dashboard dashboard = dashboard(context); // a port in use fails here, before any user starts
        ClientWarmUp.once();
        String test = plan.testName();
        GeneratorWarmUp.Result warmUp = warmUp(plan, users, test);
        CommonStart.await(plan, test);
        Instant startedAt = Instant.now();
        HdrLog log = HdrLog.create(plan.reportDirectory(), plan.testId(), startedAt.toEpochMilli());
        if (!plan.segment().whole()) {
            log.comment("segment " + plan.segment() + " of " + plan.testId());
        }
        context.getStore(NAMESPACE).put(HdrLog.class, log);
        CapacitySearch search = plan.capacity() == null ? null : new CapacitySearch(plan);
        LoadRun run = new LoadRun(plan, users,
                RunObserver.all(log, ConsoleProgress.of(plan, System.out), Micrometer.publisherOf(plan),
                        dashboard == null ? RunObserver.NONE : dashboard.watch(plan),
                        search == null ? RunObserver.NONE : search),
                search != null ? search : plan.segment().whole() ? BudgetWatch.of(plan) : StopCondition.NONE);
        context.getStore(NAMESPACE).put(LoadRun.class, run); // closed by JUnit however the test ends
        ShutdownHandoff handoff = new ShutdownHandoff();
        RunOutcome outcome;
        List<TargetReading> readings = new ArrayList<>();
        try (ResourceSampler resources = ResourceSampler.start(plan.containers())) {
            outcome = handoff.execute(run, partial -> {
                log.close();
                Instant end = startedAt.plus(partial.elapsed());
                CapacityResult capacity = search == null ? null : search.result(partial);
                publish(new RunResult(plan, partial, !plan.segment().whole() ? new Verdict(List.of())
                        : capacity == null ? Verdict.of(plan, partial) : search.verdict(capacity), startedAt, warmUp,
                        resources.readings(end.minus(partial.measuredWindow()), end), capacity, null), context, null);
            });
            log.close();
            Instant end = startedAt.plus(outcome.elapsed());
            if (!outcome.interrupted()) {
                readings.addAll(TargetMetrics.read(plan, end.minus(outcome.measuredWindow()), end));
            }
            readings.addAll(resources.readings(end.minus(outcome.measuredWindow()), end));
        }
        CapacityResult capacity = search == null ? null : search.result(outcome);
        Verdict verdict = !plan.segment().whole() ? new Verdict(List.of()) // the merge of the segments judges
                : (capacity == null ? Verdict.of(plan, outcome) : search.verdict(capacity))
                        .and(readings.stream().flatMap(reading -> reading.budgets().stream()).toList());
        RunResult report = new RunResult(plan, outcome, verdict, startedAt, warmUp, readings, capacity, null);
        IOException unwritten = null;
        if (handoff.claim()) {
            try {
                unwritten = publish(report, context, log.file());
            } finally {
                handoff.published();
            }
        }

        Throwable failure = RunFailure.of(report);
        if (unwritten != null) {
            UncheckedIOException error = new UncheckedIOException(
                    "could not write the summary of " + test + " to " + plan.reportDirectory(), unwritten);
            if (failure == null) {
                throw error;
            }
            failure.addSuppressed(error);
        }
        if (failure instanceof TestAbortedException aborted) {
            throw aborted;
        }
        if (failure != null) {
            throw (AssertionFailedError) failure;
        }
    }

    /** Runs the test's own iterations until the generator is warm, unless the plan says not to; null then. */
    private static GeneratorWarmUp.Result warmUp(LoadPlan plan, MethodScriptFactory users, String test) {
        if (plan.generatorWarmUp().isZero()) {
            return null;
        }
        GeneratorWarmUp.Result result = GeneratorWarmUp.run(plan, users);
        System.out.println("[horde] " + test + " generator warm-up: " + result.describe());
        return result;
    }

    /**
     * Prints the summary, writes the JSON file and fills the Allure result if there is one; returns the error if the
     * file could not be written.
     */
    private static IOException publish(RunResult report, ExtensionContext context, Path hdrLog) {
        System.out.print(ConsoleSummary.render(report));
        try {
            Path summary = JsonSummary.write(report).toAbsolutePath();
            System.out.println("  summary: " + summary);
            LoadPlan plan = report.plan();
            if (plan.baselineRecord() != null && hdrLog != null && !report.outcome().interrupted()
                    && report.outcome().stoppedEarly() == null) {
                System.out.println("  recorded as a baseline in " + Baseline.record(plan.baselineRecord(), summary,
                        hdrLog));
            }
            context.publishReportEntry("horde.summary", summary.toString());
            Map<String, String> charts = LoadCharts.render(report); // once, for the build report and Allure
            System.out.println("  report: " + BuildReport.add(report, charts, summary, hdrLog));
            AllureSupport.publish(report, charts, summary, hdrLog);
            if (report.plan().junitDirectory() != null) {
                JUnitXml.write(report, report.plan().junitDirectory());
            }
            Dashboard dashboard = dashboard(context);
            if (dashboard != null) {
                dashboard.finished(report);
            }
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
