package io.gantry.rest.bundle.internal.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldProblemsTest {
    @Test
    void missingBodyIsOneProblemAtTheRoot() {
        assertThatThrownBy(() -> FieldProblems.requireBody(null, "a device body is required"))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new Problem("", "required", "a device body is required")));
        assertThat(FieldProblems.requireBody("body", "x")).isEqualTo("body");
    }

    @Test
    void reportsEveryMissingFieldAtOnceInTheOrderChecked() {
        FieldProblems problems = new FieldProblems()
                .requireText(" ", "type")
                .requireText(null, "name")
                .require(null, "config")
                .add("nodes[0]", "required", "a node must be an object");

        assertThat(problems.count()).isEqualTo(4);
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        new Problem("type", "required", "type is required"),
                                        new Problem("name", "required", "name is required"),
                                        new Problem("config", "required", "config is required"),
                                        new Problem("nodes[0]", "required", "a node must be an object")));
    }

    @Test
    void presentFieldsAreNoProblem() {
        FieldProblems problems =
                new FieldProblems().requireText("servo", "type").require(Map.of(), "config");

        assertThat(problems.count()).isZero();
        problems.throwIfAny();
    }
}
