package dev.horde.internal.jupiter;

import dev.horde.CapacityTest;
import dev.horde.LoadTestConfigurationException;
import dev.horde.internal.plan.CapacityPlan;
import dev.horde.internal.plan.Durations;
import dev.horde.internal.plan.LoadModel;
import dev.horde.internal.plan.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link CapacityTest}: its steps as a load shape, and the search's plan. */
final class CapacityReader {

    /** The most steps a search may have. */
    static final int MAX_STEPS = 100;

    private CapacityReader() {
    }

    /** The shape of the search and its plan. */
    record Read(ShapeReader.Shape shape, CapacityPlan plan) {
    }

    static Read read(CapacityTest annotation, String where) {
        LoadModel model = annotation.start().contains("/") ? LoadModel.OPEN : LoadModel.CLOSED;
        double start = level(annotation.start(), "start", model, where);
        double step = level(annotation.step(), "step", model, where);
        double ceiling = level(annotation.ceiling(), "ceiling", model, where);
        if (ceiling < start) {
            throw new LoadTestConfigurationException(where + " has 'ceiling' [" + annotation.ceiling()
                    + "] below 'start' [" + annotation.start() + "]: the load rises from start to ceiling.");
        }
        List<Double> levels = new ArrayList<>();
        for (double level = start; level <= ceiling * (1 + 1e-9); level += step) {
            levels.add(level);
            if (levels.size() > MAX_STEPS) {
                throw new LoadTestConfigurationException(where + " makes more than " + MAX_STEPS + " steps from "
                        + annotation.start() + " to " + annotation.ceiling() + " by " + annotation.step()
                        + ": raise 'step' or narrow the range.");
            }
        }
        Duration hold = ValueParsers.duration(annotation.hold(), where + " has 'hold'");
        Duration settle = ValueParsers.duration(annotation.settle(), where + " has 'settle'");
        if (hold.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new LoadTestConfigurationException(where + " has 'hold' [" + annotation.hold() + "], shorter than 2s:"
                    + " a step is judged on its seconds after it settled; hold each step for at least \"2s\".");
        }
        if (settle.compareTo(hold) >= 0) {
            throw new LoadTestConfigurationException(where + " has 'settle' [" + annotation.settle()
                    + "], not shorter than 'hold' [" + annotation.hold() + "]: a step must leave time to judge.");
        }
        double min = annotation.min().isBlank() ? 0 : level(annotation.min(), "min", model, where);
        CapacityPlan plan = new CapacityPlan(model, List.copyOf(levels), hold, settle, min);
        Duration duration = hold.multipliedBy(levels.size());
        int users = model == LoadModel.CLOSED ? (int) Math.ceil(levels.get(levels.size() - 1)) : pool(annotation,
                levels.get(levels.size() - 1), where);
        ShapeReader.Shape shape = new ShapeReader.Shape(model, users, duration, Durations.format(duration),
                Duration.ZERO, plan.stages(), true);
        return new Read(shape, plan);
    }

    private static int pool(CapacityTest annotation, double ceiling, String where) {
        if (annotation.users() != -1) {
            if (annotation.users() <= 0) {
                throw new LoadTestConfigurationException(where + " must declare 'users' > 0 (the pool) but was ["
                        + annotation.users() + "].");
            }
            return annotation.users();
        }
        return (int) Math.max(1, Math.min(ShapeReader.MAX_DERIVED_POOL,
                Math.ceil(ceiling * ShapeReader.POOL_OF_ARRIVALS.toNanos() / 1e9)));
    }

    /** A level in the search's unit: a rate in the open model, a whole number of users in the closed one. */
    private static double level(String text, String attribute, LoadModel model, String where) {
        String origin = where + " has '" + attribute + "' [" + text + "]";
        if (model == LoadModel.OPEN) {
            return Rates.parse(text).filter(rate -> rate > 0).orElseThrow(() -> new LoadTestConfigurationException(
                    origin + ", which is not a rate: use " + Rates.GRAMMAR + ", as 'start' is."));
        }
        try {
            int users = Integer.parseInt(text.strip());
            if (users > 0) {
                return users;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new LoadTestConfigurationException(origin + ", which is not a number of users > 0: 'start' is a number"
                + " of users (the closed model), so every level is; write rates as \"50/s\" in all of them.");
    }
}
