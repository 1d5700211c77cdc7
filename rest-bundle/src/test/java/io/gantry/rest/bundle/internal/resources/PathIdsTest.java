package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathIdsTest {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "axis-2",
                "pick_and.place",
                "A9",
                "x.",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void acceptsIdsOfTheRule(String id) {
        assertThat(PathIds.require(id, "device")).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ".hidden",
                "..",
                "../x",
                "a/b",
                "'; DROP TABLE x",
                "a b",
                "ünï",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsEverythingElseAsNotFound(String id) {
        assertThatThrownBy(() -> PathIds.require(id, "device"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("1 to 64");
    }

    @Test
    void nullIsInvalid() {
        assertThat(PathIds.isValid(null)).isFalse();
    }

    @Test
    void badIdInABodyIsAValidationProblemAtItsPath() {
        assertThatThrownBy(() -> PathIds.requireInBody("../x", "id"))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems().get(0).path()).isEqualTo("id"));
        assertThat(PathIds.requireInBody(null, "id")).isNull();
    }

    @Test
    void longIdsAreShortenedInTheMessage() {
        assertThatThrownBy(() -> PathIds.require("x".repeat(500), "device"))
                .hasMessageContaining("...")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(250));
    }
}
