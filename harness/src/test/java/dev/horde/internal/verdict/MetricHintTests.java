package dev.horde.internal.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricHintTests {

    @Test
    void aTemplateBudgetOverConcretePathsSaysHowToWriteThePath() {
        assertThat(MetricHint.of("GET /api/posts/{id}", List.of("GET /api/posts/1", "GET /api/posts/10", "iteration")))
                .isEqualTo("; requests went to 2 concrete paths (GET /api/posts/1, …), each its own metric: write the"
                        + " path as a template with its values apart, e.g. get(\"/api/posts/{id}\", id)");
    }

    @Test
    void aBudgetOnAValueNamesTheTemplate() {
        assertThat(MetricHint.of("GET /api/posts/1", List.of("GET /api/posts/{id}", "iteration")))
                .isEqualTo("; did you mean GET /api/posts/{id}? A budget names the path template the request was"
                        + " written with, not a value");
    }

    @Test
    void aTypoNamesTheClosestRecordedMetric() {
        assertThat(MetricHint.of("GET /api/post/{id}", List.of("GET /api/posts/{id}", "POST /api/posts", "iteration")))
                .isEqualTo("; did you mean GET /api/posts/{id}?");
    }

    @Test
    void nothingCloseSaysNothing() {
        assertThat(MetricHint.of("GET /nowhere", List.of("iteration"))).isEmpty();
        assertThat(MetricHint.of("GET /api/posts/{id}", List.of("POST /api/posts/{id}/reactions"))).isEmpty();
    }
}
