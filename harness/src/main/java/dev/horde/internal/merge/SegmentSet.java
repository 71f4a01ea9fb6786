package dev.horde.internal.merge;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The segment reports of one load test, checked to make one run: every segment of the same count exactly once, written
 * by the same version of Horde, with the same plan (users, stages, budgets, seed, ...).
 *
 * @param test the load test
 * @param segments its segments' reports, in segment order
 */
record SegmentSet(String test, List<SegmentReport> segments) {

    /** The plan's settings that name where the load went rather than what it was. */
    static final List<String> TARGETS = List.of("target", "targets", "containers");

    /** Why a set of reports cannot be merged; the message names the files. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The segment reports found in {@code directories} (searched to any depth), by load test, each set checked.
     *
     * @throws Refused when no segment report is found, or a test's reports do not make one run
     */
    static List<SegmentSet> find(List<Path> directories) throws IOException, Refused {
        Map<String, List<SegmentReport>> byTest = new TreeMap<>();
        for (Path directory : directories) {
            if (!Files.isDirectory(directory)) {
                throw new Refused(directory + " is not a directory: give the directories the segments wrote their"
                        + " reports to (horde.report.dir)");
            }
            List<Path> summaries;
            try (Stream<Path> files = Files.walk(directory)) {
                summaries = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
            }
            for (Path summary : summaries) {
                SegmentReport.read(summary).ifPresent(report ->
                        byTest.computeIfAbsent(report.test(), t -> new ArrayList<>()).add(report));
            }
        }
        if (byTest.isEmpty()) {
            throw new Refused("no segment's report in " + directories.stream().map(Path::toString)
                    .collect(Collectors.joining(", ")) + ": segments write <test>.json with a \"segment\" object when"
                    + " they run with -Dhorde.segment=<index>/<count>");
        }
        List<SegmentSet> sets = new ArrayList<>();
        for (Map.Entry<String, List<SegmentReport>> test : byTest.entrySet()) {
            sets.add(check(test.getKey(), test.getValue()));
        }
        return sets;
    }

    private static SegmentSet check(String test, List<SegmentReport> reports) throws Refused {
        reports.sort(Comparator.comparingInt(SegmentReport::index));
        SegmentReport first = reports.get(0);
        for (SegmentReport report : reports) {
            if (report.count() != first.count()) {
                throw new Refused(test + ": " + first.summary() + " is segment " + first.label() + " but "
                        + report.summary() + " is segment " + report.label()
                        + ": the segments of one run share a count");
            }
        }
        for (int i = 1; i < reports.size(); i++) {
            if (reports.get(i).index() == reports.get(i - 1).index()) {
                throw new Refused(test + ": segment " + reports.get(i).label() + " twice, in "
                        + reports.get(i - 1).summary() + " and " + reports.get(i).summary()
                        + ": give the directories of one run only");
            }
        }
        if (reports.size() != first.count()) {
            List<String> missing = new ArrayList<>();
            for (int index = 1; index <= first.count(); index++) {
                int wanted = index;
                if (reports.stream().noneMatch(r -> r.index() == wanted)) {
                    missing.add(wanted + "/" + first.count());
                }
            }
            throw new Refused(test + ": segment" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + " missing; found " + reports.stream().map(r -> r.label() + " in " + r.summary())
                    .collect(Collectors.joining(", ")) + ": a merge of some segments would judge part of the load");
        }
        for (SegmentReport report : reports.subList(1, reports.size())) {
            if (!report.version().equals(first.version())) {
                throw new Refused(test + ": " + first.summary() + " was written by Horde " + first.version() + " but "
                        + report.summary() + " by Horde " + report.version() + ": run every segment with one version");
            }
            List<String> differences = differences(first.json(), report.json());
            if (!differences.isEmpty()) {
                throw new Refused(test + ": " + first.summary() + " and " + report.summary() + " ran different plans ("
                        + String.join("; ", differences) + "): run every segment with the same configuration");
            }
        }
        return new SegmentSet(test, List.copyOf(reports));
    }

    /**
     * The settings of the plan and the run's seed and threads that differ, {@code users 4 in one, 8 in the other}; the
     * targets may differ (machines may reach one service by different addresses).
     */
    private static List<String> differences(JsonNode one, JsonNode other) {
        List<String> differences = new ArrayList<>();
        JsonNode plan = one.path("plan");
        JsonNode otherPlan = other.path("plan");
        for (Iterator<String> names = plan.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TARGETS.contains(name) && !plan.path(name).equals(otherPlan.path(name))) {
                differences.add(name + " " + text(plan.path(name)) + " in one, " + text(otherPlan.path(name))
                        + " in the other");
            }
        }
        for (String name : List.of("seed", "threads")) {
            JsonNode value = one.path("run").path(name);
            JsonNode otherValue = other.path("run").path(name);
            if (!value.equals(otherValue)) {
                differences.add(name + " " + text(value) + " in one, " + text(otherValue) + " in the other");
            }
        }
        return differences;
    }

    private static String text(JsonNode value) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
