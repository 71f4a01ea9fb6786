package dev.horde.internal.jupiter;

import dev.horde.LoadTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.Stage;
import dev.horde.internal.metrics.Format;
import dev.horde.internal.plan.Adjustment;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.LoadPlan;
import dev.horde.internal.plan.PlannedStage;
import dev.horde.internal.plan.Rates;
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

    /** An open-model test that sets no users gets a pool for this long of arrivals at its peak rate. */
    static final Duration POOL_OF_ARRIVALS = Duration.ofSeconds(2);
    /** The largest pool derived from a rate; a test that needs more says so with 'users'. */
    static final int MAX_DERIVED_POOL = 10_000;
    /** {@link LoadTest#users()} when the annotation does not set it. */
    private static final int UNSET = -1;

    private final HordeConfiguration configuration;
    private final LoadTest annotation;
    private final String where;
    private final List<Adjustment> adjustments = new ArrayList<>();

    ShapeReader(HordeConfiguration configuration, LoadTest annotation, String where) {
        this.configuration = configuration;
        this.annotation = annotation;
        this.where = where;
    }

    /** What the run uses other than the annotations wrote, as read so far. */
    List<Adjustment> adjustments() {
        return List.copyOf(adjustments);
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
            String effective = Durations.format(override.get());
            adjustments.add(new Adjustment(attribute, annotated.isBlank() ? Adjustment.NOT_SET : annotated, effective,
                    property + "=" + effective));
            return new Setting(override.get(), null, property);
        }
        if (annotated.isBlank()) {
            return fallback == null ? null : new Setting(fallback, attribute, null);
        }
        return new Setting(ValueParsers.duration(annotated, where + " has '" + attribute + "'"), attribute, null);
    }

    private Shape unstaged() {
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
            int users = closedUsers();
            return new Shape(LoadModel.CLOSED, users, duration.value(), duration.toString(), rampUp.value(),
                    LoadPlan.ramp(users, duration.value(), rampUp.value()), false);
        }
        double rate = scaledRate("rate", ValueParsers.rate(annotation.rate(), where + " has 'rate'"));
        return new Shape(LoadModel.OPEN, pool(rate), duration.value(), duration.toString(), rampUp.value(),
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
            if (!annotation.rate().isBlank()) {
                throw new LoadTestConfigurationException(where + " declares 'rate' and @Stage rates: the stages give the"
                        + " rate over time; remove 'rate'.");
            }
            double scaledPeak = scaledRate("peak stage rate", peak);
            double factor = scaledPeak / peak;
            stages.replaceAll(stage -> new PlannedStage(stage.duration(), stage.target() * factor));
            return new Shape(LoadModel.OPEN, pool(scaledPeak), total, durationText, Duration.ZERO, List.copyOf(stages),
                    true);
        }
        int peakUsers = (int) Math.ceil(peak);
        double factor = (double) scaledUsers(peakUsers, "peak stage users") / peakUsers;
        stages.replaceAll(stage -> new PlannedStage(stage.duration(), Math.ceil(stage.target() * factor)));
        int users = (int) stages.stream().mapToDouble(PlannedStage::target).max().orElse(1);
        return new Shape(LoadModel.CLOSED, users, total, durationText, Duration.ZERO, List.copyOf(stages), true);
    }

    /** The users of an unstaged closed-model test after the overrides: 1 when the annotation sets none. */
    private int closedUsers() {
        int declared = declaredUsers();
        return scaledUsers(declared == UNSET ? 1 : declared, "users");
    }

    /**
     * The pool of an open-model test whose peak rate (after the overrides) is {@code peakRate}: the users the test
     * sets after the overrides, else enough for {@link #POOL_OF_ARRIVALS} of arrivals at the peak rate.
     */
    private int pool(double peakRate) {
        int declared = declaredUsers();
        if (declared != UNSET || configuration.users().isPresent()) {
            return scaledUsers(declared == UNSET ? 1 : declared, "users");
        }
        int pool = (int) Math.max(1, Math.min(MAX_DERIVED_POOL,
                Math.ceil(peakRate * POOL_OF_ARRIVALS.toNanos() / 1e9)));
        adjustments.add(new Adjustment("users", Adjustment.NOT_SET, String.valueOf(pool), "a pool for "
                + Durations.format(POOL_OF_ARRIVALS) + " of arrivals at " + Rates.format(peakRate) + ", at most "
                + Format.count(MAX_DERIVED_POOL) + "; set 'users' to size it"));
        return pool;
    }

    /** The annotation's users, {@link #UNSET} if it sets none; any other value must be > 0. */
    private int declaredUsers() {
        int users = annotation.users();
        if (users != UNSET && users <= 0) {
            throw new LoadTestConfigurationException(where + " must declare 'users' > 0 but was [" + users + "].");
        }
        return users;
    }

    /** {@code users} after {@code horde.users} and {@code horde.users.factor}, noted as an adjustment of {@code setting}. */
    private int scaledUsers(int users, String setting) {
        List<String> by = new ArrayList<>();
        int scaled = users;
        if (configuration.users().isPresent()) {
            scaled = configuration.users().getAsInt();
            by.add(LoadTest.USERS_PROPERTY_NAME + "=" + scaled);
        }
        if (configuration.usersFactor().isPresent()) {
            scaled = configuration.scaled(scaled);
            by.add(factor());
        }
        adjust(setting, annotation.users() == UNSET && setting.equals("users") ? Adjustment.NOT_SET
                : String.valueOf(users), String.valueOf(scaled), by);
        return scaled;
    }

    /**
     * {@code declared} after {@code horde.rate} (which replaces it) and {@code horde.users.factor} (which scales it),
     * noted as an adjustment of {@code setting}.
     */
    private double scaledRate(String setting, double declared) {
        double rate = declared;
        List<String> by = new ArrayList<>();
        if (configuration.rate().isPresent()) {
            rate = configuration.rate().getAsDouble();
            by.add(LoadTest.RATE_PROPERTY_NAME + "=" + Rates.format(rate));
        }
        if (configuration.usersFactor().isPresent()) {
            rate *= configuration.usersFactor().getAsDouble();
            by.add(factor());
        }
        adjust(setting, Rates.format(declared), Rates.format(rate), by);
        return rate;
    }

    private String factor() {
        return LoadTest.USERS_FACTOR_PROPERTY_NAME + "=" + Format.exact(configuration.usersFactor().getAsDouble());
    }

    private void adjust(String setting, String declared, String effective, List<String> by) {
        if (!by.isEmpty()) {
            adjustments.add(new Adjustment(setting, declared, effective, String.join(", ", by)));
        }
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
