package io.gantry.rest.bundle.internal.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gantry.engine.api.error.PreconditionFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {
    @Test
    void theTagIsTheQuotedVersion() {
        assertThat(EntityTags.of(3).toString()).isEqualTo("\"3\"");
    }

    @Test
    void readsTheVersionFromAQuotedTag() {
        assertThat(EntityTags.expectedVersion("\"7\"")).isEqualTo(7);
        assertThat(EntityTags.expectedVersion("  \"12\" ")).isEqualTo(12);
    }

    @Test
    void absentOrStarMeansAnyVersion() {
        assertThat(EntityTags.expectedVersion(null)).isNull();
        assertThat(EntityTags.expectedVersion("")).isNull();
        assertThat(EntityTags.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7", "W/\"7\"", "\"\"", "\"abc\"", "\"0\"", "\"-1\"", "\"1\", \"2\"", "\"99999999999\""})
    void tagsThisApiNeverIssuesNeverMatch(String header) {
        assertThatThrownBy(() -> EntityTags.expectedVersion(header)).isInstanceOf(PreconditionFailedException.class);
    }
}
