package dev.horde;

import dev.horde.engine.GeneratorWarmUp;
import dev.horde.engine.LoadRun;
import dev.horde.engine.RunOutcome;
import dev.horde.engine.UserThreads;
import dev.horde.http.ClientWarmUp;
import dev.horde.http.RestAssuredRecorder;
import dev.horde.plan.LoadPlan;
import dev.horde.engine.RunObserver;
import dev.horde.report.AllureSupport;
import dev.horde.report.ConsoleProgress;
import dev.horde.report.ConsoleSummary;
import dev.horde.report.HdrLog;
import dev.horde.report.JsonSummary;
import dev.horde.report.TestReport;
import dev.horde.user.User;
import dev.horde.verdict.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs a {@link LoadTest} method as a load test instead of calling it once, then reports and checks its budgets.
 * Registered by {@link LoadTest} and the budget annotations; not public API.
 */
final class LoadTestExtension implements InvocationInterceptor, ParameterResolver, BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoadTestExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        BudgetPlacement.checkClass(context.getRequiredTestClass());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getDeclaringExecutable() instanceof Method method
                && BudgetPlacement.isLoadTest(method)
                && User.class.isAssignableFrom(parameter.getParameter().getType());
    }

    /** Null: each virtual user gets its own instance when it starts, see {@link TestMethodUsers}. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return null;
    }

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        if (!BudgetPlacement.isLoadTest(method)) {
            BudgetPlacement.checkMethod(method);
            invocation.proceed();
            return;
        }
        PlanReader reader = new PlanReader(context::getConfigurationParameter);
        LoadPlan plan = reader.read(context.getRequiredTestClass(), method);
        reader.target().ifPresent(LoadTestExtension::pointRestAssuredAt);
        TestMethodUsers users = TestMethodUsers.of(method, invocationContext.getTarget().orElse(null),
                invocationContext.getArguments(), AnnotationSupport.findAnnotation(method, LoadTest.class)
                        .orElseThrow().controller());
        invocation.skip();

        RestAssuredRecorder.install();
        ClientWarmUp.once();
        String test = context.getRequiredTestClass().getSimpleName() + "." + method.getName();
        String threads = UserThreads.isVirtual(plan.threads()) ? "virtual" : "platform";
        GeneratorWarmUp.Result warmUp = warmUp(plan, users, test);
        Instant startedAt = Instant.now();
        HdrLog log = HdrLog.create(plan.reportDirectory(), plan.testId(), startedAt.toEpochMilli());
        context.getStore(NAMESPACE).put(HdrLog.class, log);
        LoadRun run = new LoadRun(plan, users, UserThreads.factory(plan.threads()),
                RunObserver.all(log, ConsoleProgress.of(test, plan, plan.progressEvery(), System.out)));
        context.getStore(NAMESPACE).put(LoadRun.class, run); // closed by JUnit however the test ends
        ShutdownHandoff handoff = new ShutdownHandoff();
        RunOutcome outcome = handoff.execute(run, partial -> {
            log.close();
            publish(new TestReport(plan, partial, Verdict.of(plan, partial), startedAt, threads, warmUp), context, null);
        });
        log.close();
        Verdict verdict = Verdict.of(plan, outcome);
        TestReport report = new TestReport(plan, outcome, verdict, startedAt, threads, warmUp);
        IOException unwritten = null;
        if (handoff.claim()) {
            try {
                unwritten = publish(report, context, log.file());
            } finally {
                handoff.published();
            }
        }

        AssertionFailedError failure = null;
        if (outcome.interrupted()) {
            failure = new AssertionFailedError("Load test " + test + " was interrupted after "
                    + outcome.elapsed().toMillis() + " ms; the results so far are in the summary, marked partial.");
        } else if (!verdict.passed()) {
            failure = new AssertionFailedError(verdict.failureMessage(test, plan.describe(), outcome.metrics()));
        }
        if (unwritten != null) {
            UncheckedIOException error = new UncheckedIOException(
                    "could not write the summary of " + test + " to " + plan.reportDirectory(), unwritten);
            if (failure == null) {
                throw error;
            }
            failure.addSuppressed(error);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs the test's own iterations until the generator is warm, unless the plan says not to; null then. */
    private static GeneratorWarmUp.Result warmUp(LoadPlan plan, TestMethodUsers users, String test) {
        if (plan.generatorWarmUp().isZero()) {
            return null;
        }
        GeneratorWarmUp.Result result = GeneratorWarmUp.run(plan, users, UserThreads.factory(plan.threads()),
                plan.generatorWarmUp());
        System.out.println("[horde] " + test + " generator warm-up: " + result.describe());
        return result;
    }

    /** Points REST Assured, and so {@link dev.horde.user.UserEntity#api()}, at {@code target}. */
    private static void pointRestAssuredAt(URI target) {
        io.restassured.RestAssured.baseURI = target.getScheme() + "://" + target.getHost();
        io.restassured.RestAssured.port = target.getPort() >= 0 ? target.getPort()
                : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
        io.restassured.RestAssured.basePath = target.getRawPath() == null ? "" : target.getRawPath();
    }

    /**
     * Prints the summary, writes the JSON file and fills the Allure result if there is one; returns the error if the
     * file could not be written.
     */
    private static IOException publish(TestReport report, ExtensionContext context, Path hdrLog) {
        System.out.print(ConsoleSummary.render(report));
        try {
            Path summary = JsonSummary.write(report).toAbsolutePath();
            System.out.println("  summary: " + summary);
            context.publishReportEntry("horde.summary", summary.toString());
            AllureSupport.publish(report, summary, hdrLog);
            return null;
        } catch (IOException e) {
            return e;
        }
    }
}
