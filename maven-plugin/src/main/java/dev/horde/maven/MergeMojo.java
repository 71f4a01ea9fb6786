package dev.horde.maven;

import dev.horde.internal.merge.MergeCommand;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Merges the reports of load tests' segments (each JVM ran with {@code -Dhorde.segment=<i>/<n>}), judges every test's
 * budgets on the merged result, writes the merged JSON summary, HdrHistogram log, index.html and JUnit XML, and fails
 * the build when a budget broke: {@code mvn dev.horde:horde-maven-plugin:merge -Dhorde.merge.directories=a,b}. Runs
 * once per build, in a multi-module project too.
 */
@Mojo(name = "merge", requiresProject = false, aggregator = true, threadSafe = true)
public final class MergeMojo extends AbstractMojo {

    /** The directories the segments wrote their reports to, searched to any depth. */
    @Parameter(property = "horde.merge.directories", required = true)
    private List<File> directories;

    /** Where the merged reports go. */
    @Parameter(property = "horde.merge.reportDir", defaultValue = "${project.build.directory}/horde-merged")
    private File reportDirectory;

    /** Where the JUnit XML with a test case per budget goes, or {@code off}; the report directory by default. */
    @Parameter(property = "horde.merge.junitDir")
    private String junitDirectory;

    /** An earlier run's report directory, for {@code @RegressionBudget}s. */
    @Parameter(property = "horde.baseline")
    private File baseline;

    /** Where to write an Allure result per load test and budget; none by default. */
    @Parameter(property = "horde.merge.allureResults")
    private File allureResults;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        List<String> args = new ArrayList<>(List.of("--report-dir", reportDirectory.getPath()));
        if (junitDirectory != null && !junitDirectory.isBlank()) {
            args.addAll(List.of("--junit-dir", junitDirectory));
        }
        if (baseline != null) {
            args.addAll(List.of("--baseline", baseline.getPath()));
        }
        if (allureResults != null) {
            args.addAll(List.of("--allure-results", allureResults.getPath()));
        }
        directories.forEach(directory -> args.add(directory.getPath()));
        int status = MergeCommand.run(args, System.out, System.err);
        if (status == MergeCommand.FAILED) {
            throw new MojoFailureException("a load test's merged result broke its budgets; see above and "
                    + reportDirectory + "/index.html");
        }
        if (status != MergeCommand.PASSED) {
            throw new MojoExecutionException("the segments' reports could not be merged; see above");
        }
    }
}
