package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.Stage;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the load over time from {@link LoadTest}'s users, duration, ramp-up and rate, or from its {@link Stage}s,
 * with the {@code horde.*} overrides applied.
 */
final class ShapeReader {

    private final HordeConfiguration configuration;
    private final LoadTest annotation;
    private final String where;

    ShapeReader(HordeConfiguration configuration, LoadTest annotation, String where) {
        this.configuration = configuration;
        this.annotation = annotation;
        this.where = where;
    }

    /** The shape of the test: from {@code declared} stages when there are any. */
    Shape read(List<Stage> declared, Method method) {
        return declared.isEmpty() ? unstaged() : staged(declared, method);
    }

    /**
     * A duration from its override or the annotation attribute; {@code fallback} when neither is set.
     */
    Setting duration(String attribute, String annotated, Optional<Duration> override, String property,
            Duration fallback) {
        if (override.isPresent()) {
            return new Setting(override.get(), null, property);
        }
        if (annotated.isBlank()) {
            return fallback == null ? null : new Setting(fallback, attribute, null);
        }
        return new Setting(ValueParsers.duration(annotated, where + " has '" + attribute + "'"), attribute, null);
    }

    private Shape unstaged() {
        int users = users();
        Setting duration = duration("duration", annotation.duration(), configuration.duration(),
                LoadTest.DURATION_PROPERTY_NAME, null);
        if (duration == null) {
            throw new LoadTestConfigurationException(where
                    + " must declare 'duration', the length of the run, e.g. duration = \"30s\", or @Stage annotations.");
        }
        if (duration.value().isZero()) {
            throw new LoadTestConfigurationException(where + ": " + duration + " must be > 0.");
        }
        Setting rampUp = duration("rampUp", annotation.rampUp(), configuration.rampUp(), LoadTest.RAMP_UP_PROPERTY_NAME,
                Duration.ZERO);
        if (rampUp.value().compareTo(duration.value()) > 0) {
            throw new LoadTestConfigurationException(where + ": " + rampUp + " is longer than " + duration
                    + "; users start within the run, so the ramp-up can be at most the duration.");
        }
        if (annotation.rate().isBlank()) {
            return new Shape(LoadModel.CLOSED, users, duration.value(), duration.toString(), rampUp.value(),
                    LoadPlan.ramp(users, duration.value(), rampUp.value()), false);
        }
        double rate = ValueParsers.rate(annotation.rate(), where + " has 'rate'");
        if (configuration.rate().isPresent()) {
            rate = configuration.rate().getAsDouble();
        }
        return new Shape(LoadModel.OPEN, users, duration.value(), duration.toString(), rampUp.value(),
                LoadPlan.ramp(rate, duration.value(), rampUp.value()), false);
    }

    /** All users (closed model) or all rates (open model). */
    private Shape staged(List<Stage> declared, Method method) {
        if (!annotation.duration().isBlank() || !annotation.rampUp().isBlank()) {
            throw new LoadTestConfigurationException(where + " declares @Stage and '"
                    + (annotation.duration().isBlank() ? "rampUp" : "duration")
                    + "': the stages give the length and the ramps of the run; remove 'duration' and 'rampUp'.");
        }
        List<PlannedStage> stages = new ArrayList<>();
        Boolean open = null;
        Duration total = Duration.ZERO;
        for (int i = 0; i < declared.size(); i++) {
            Stage stage = declared.get(i);
            String at = "@Stage #" + (i + 1) + " on method [" + ConfigurationErrors.method(method) + "]";
            boolean givesRate = !stage.rate().isBlank();
            boolean givesUsers = stage.users() != -1;
            if (givesRate == givesUsers) {
                throw new LoadTestConfigurationException(at + (givesRate ? " sets both 'users' and 'rate'" : " sets"
                        + " neither 'users' nor 'rate'") + ": a stage gives users (closed model) or a rate (open model),"
                        + " e.g. @Stage(duration = \"30s\", users = 100).");
            }
            if (open != null && open != givesRate) {
                throw new LoadTestConfigurationException(at + " gives " + (givesRate ? "a rate" : "users")
                        + " but @Stage #1 gives " + (open ? "a rate" : "users")
                        + ": all stages of a test give users (closed model) or all give a rate (open model).");
            }
            open = givesRate;
            if (givesUsers && stage.users() < 0) {
                throw new LoadTestConfigurationException(at + " must declare 'users' >= 0 but was [" + stage.users() + "].");
            }
            Duration length = ValueParsers.duration(stage.duration(), at + " has 'duration'");
            total = total.plus(length);
            stages.add(new PlannedStage(length, givesRate ? ValueParsers.stageRate(stage.rate(), at + " has 'rate'") : stage.users()));
        }
        String all = "@Stage annotations on method [" + ConfigurationErrors.method(method) + "]";
        if (total.isZero()) {
            throw new LoadTestConfigurationException(all + " last [0s] in all: give at least one stage a duration > 0.");
        }
        double peak = stages.stream().mapToDouble(PlannedStage::target).max().orElse(0);
        if (peak == 0) {
            throw new LoadTestConfigurationException(all + " never rise above " + (open ? "a rate of 0" : "0 users")
                    + ": give at least one stage " + (open ? "a rate > 0." : "users > 0."));
        }
        String durationText = "the stages' [" + Durations.format(total) + "]";
        if (open) {
            if (configuration.rate().isPresent()) {
                double factor = configuration.rate().getAsDouble() / peak;
                stages.replaceAll(stage -> new PlannedStage(stage.duration(), stage.target() * factor));
            }
            if (!annotation.rate().isBlank()) {
                throw new LoadTestConfigurationException(where + " declares 'rate' and @Stage rates: the stages give the"
                        + " rate over time; remove 'rate'.");
            }
            return new Shape(LoadModel.OPEN, users(), total, durationText, Duration.ZERO, List.copyOf(stages), true);
        }
        int peakUsers = (int) Math.ceil(peak);
        double factor = (double) configuration.scaled(configuration.users().orElse(peakUsers)) / peakUsers;
        stages.replaceAll(stage -> new PlannedStage(stage.duration(), Math.ceil(stage.target() * factor)));
        int users = (int) stages.stream().mapToDouble(PlannedStage::target).max().orElse(1);
        return new Shape(LoadModel.CLOSED, users, total, durationText, Duration.ZERO, List.copyOf(stages), true);
    }

    /** The users of an unstaged test, or the pool of an open-model one, after the overrides. */
    private int users() {
        if (configuration.users().isPresent()) {
            return configuration.scaled(configuration.users().getAsInt());
        }
        if (annotation.users() <= 0) {
            throw new LoadTestConfigurationException(where + " must declare 'users' > 0 but was [" + annotation.users()
                    + "].");
        }
        return configuration.scaled(annotation.users());
    }

    /** The load over time, read from the annotations. */
    record Shape(LoadModel model, int users, Duration duration, String durationText, Duration rampUp,
            List<PlannedStage> stages, boolean declared) {
    }

    /** A duration and where it came from: an annotation attribute or a configuration parameter. */
    record Setting(Duration value, String attribute, String property) {

        /** {@code 'rampUp' [20s]} or {@code configuration parameter 'horde.rampUp' [20s]}. */
        @Override
        public String toString() {
            String origin = property != null ? "configuration parameter '" + property + "'" : "'" + attribute + "'";
            return origin + " [" + Durations.format(value) + "]";
        }
    }
}
