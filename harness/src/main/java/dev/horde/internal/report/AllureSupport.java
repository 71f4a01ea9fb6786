package dev.horde.internal.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Puts a load test into its Allure result when Allure is on the class path and an Allure test case is running (the
 * {@code allure-jupiter} listener); does nothing otherwise, so projects without Allure run unchanged.
 */
@API(status = INTERNAL, since = "0.1")
public final class AllureSupport {

    private static final boolean PRESENT = present();

    private AllureSupport() {
    }

    /** Adds parameters, a step per budget and the attachments to the current Allure test case, if any. */
    public static void publish(RunResult report, Map<String, String> charts, Path summary, Path hdrLog) {
        if (PRESENT) {
            AllureAttachments.publish(report, charts, summary, hdrLog); // the only class that links to Allure's API
        }
    }

    /**
     * Writes an Allure result for {@code report}, merged from segments' reports outside any test, with a result per
     * budget, to {@code results}; false when Allure is not on the class path.
     */
    public static boolean publishMerged(RunResult report, Map<String, String> charts, Path summary, Path hdrLog,
            Path results) {
        if (PRESENT) {
            AllureAttachments.publishMerged(report, charts, summary, hdrLog, results);
        }
        return PRESENT;
    }

    private static boolean present() {
        try {
            Class.forName("io.qameta.allure.Allure", false, AllureSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
