package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.PipelineValidationException;
import org.junit.jupiter.api.Test;

class QueryParamsTest {
    @Test
    void integersInRangeAreAccepted() {
        assertThat(QueryParams.integer("limit", "1000", 1, 1000)).isEqualTo(1000);
        assertThat(QueryParams.integer("limit", null, 1, 1000)).isNull();
    }

    @Test
    void integersOutOfRangeOrNotNumbersAreValidationProblems() {
        for (String bad : new String[] {"0", "1001", "ten", "1.5"}) {
            assertThatThrownBy(() -> QueryParams.integer("limit", bad, 1, 1000))
                    .isInstanceOfSatisfying(
                            PipelineValidationException.class,
                            e -> assertThat(e.problems().get(0).path()).isEqualTo("limit"));
        }
    }

    @Test
    void flagsAreTrueOrFalseOnly() {
        assertThat(QueryParams.flag("wait", "true")).isTrue();
        assertThat(QueryParams.flag("wait", null)).isFalse();
        assertThatThrownBy(() -> QueryParams.flag("wait", "yes")).isInstanceOf(PipelineValidationException.class);
    }
}
