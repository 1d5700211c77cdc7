package io.gantry.rest.bundle.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamRequestTest {
    @Test
    void readsEveryOption() {
        StreamRequest request = StreamRequest.fromQuery(Map.of(
                "since", List.of("42"),
                "pipelineId", List.of("p1"),
                "executionId", List.of("e1"),
                "topics", List.of("gantry/node/*,gantry/pipeline/COMPLETED")));

        assertThat(request.since()).isEqualTo(42L);
        assertThat(request.filter().pipelineId()).isEqualTo("p1");
        assertThat(request.filter().executionId()).isEqualTo("e1");
        assertThat(request.filter().topics())
                .extracting(TopicPattern::toString)
                .containsExactly("gantry/node/*", "gantry/pipeline/COMPLETED");
    }

    @Test
    void withoutOptionsStreamsEverythingLive() {
        StreamRequest request = StreamRequest.fromQuery(Map.of());

        assertThat(request.since()).isNull();
        assertThat(request.filter()).isEqualTo(StreamFilter.ALL);
    }

    @Test
    void refusesMalformedOptionsWithAMessageForTheClient() {
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("since", List.of("yesterday"))))
                .hasMessageContaining("since must be a number");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("since", List.of("-2"))))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("pipelineId", List.of("a", "b"))))
                .hasMessageContaining("pipelineId given 2 times");
    }
}
