package io.gantry.rest.bundle.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicPatternTest {
    @Test
    void starAloneMatchesEverything() {
        assertThat(TopicPattern.of("*").matches("gantry/node/COMPLETED")).isTrue();
    }

    @Test
    void trailingSlashStarMatchesTheSubtree() {
        TopicPattern pattern = TopicPattern.of("gantry/node/*");

        assertThat(pattern.matches("gantry/node/COMPLETED")).isTrue();
        assertThat(pattern.matches("gantry/node/sub/DEEP")).isTrue();
        assertThat(pattern.matches("gantry/node")).isFalse();
        assertThat(pattern.matches("gantry/nodes/COMPLETED")).isFalse();
        assertThat(pattern.matches("gantry/pipeline/COMPLETED")).isFalse();
    }

    @Test
    void aTopicWithoutStarMatchesOnlyItself() {
        TopicPattern pattern = TopicPattern.of(" gantry/pipeline/COMPLETED ");

        assertThat(pattern.matches("gantry/pipeline/COMPLETED")).isTrue();
        assertThat(pattern.matches("gantry/pipeline/COMPLETED/x")).isFalse();
        assertThat(pattern.matches("gantry/pipeline/FAILED")).isFalse();
    }

    @Test
    void refusesAStarElsewhereThanAtTheEnd() {
        assertThatThrownBy(() -> TopicPattern.of("gantry/*/COMPLETED")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicPattern.of("gantry/node*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicPattern.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
