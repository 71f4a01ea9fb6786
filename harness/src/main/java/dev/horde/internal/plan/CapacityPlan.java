package dev.horde.internal.plan;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.horde.internal.metrics.Format;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A capacity search: the load of each step, rising, each held for {@code hold}; the first {@code settle} of each
 * step is not judged.
 *
 * @param model closed (levels are users) or open (levels are iterations per second)
 * @param levels the load of each step, rising
 * @param hold how long each step lasts
 * @param settle the start of each step that is not judged
 * @param min the lowest capacity that passes; 0 for none
 */
@API(status = INTERNAL, since = "0.1")
public record CapacityPlan(LoadModel model, List<Double> levels, Duration hold, Duration settle, double min) {

    /** A level as the reports show it: {@code 350/s} or {@code 35 users}. */
    public String format(double level) {
        return model == LoadModel.OPEN ? Rates.format(level) : Format.count((long) level, "user");
    }

    /** The unit of the levels: {@code 1/s} or {@code users}. */
    public String unit() {
        return model == LoadModel.OPEN ? "1/s" : "users";
    }

    /** The stages that make the steps: a jump to each level, held. */
    public List<PlannedStage> stages() {
        return levels.stream().flatMap(level -> java.util.stream.Stream.of(new PlannedStage(Duration.ZERO, level),
                new PlannedStage(hold, level))).toList();
    }
}
