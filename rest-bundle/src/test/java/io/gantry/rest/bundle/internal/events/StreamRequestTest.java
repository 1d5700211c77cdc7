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

        assertThat(request.since()).isEqualTo(new StreamCursor(null, 42));
        assertThat(request.filter().pipelineId()).isEqualTo("p1");
        assertThat(request.filter().executionId()).isEqualTo("e1");
        assertThat(request.filter().topics())
                .extracting(TopicPattern::toString)
                .containsExactly("gantry/node/*", "gantry/pipeline/COMPLETED");
    }

    @Test
    void sinceNamesAnEpochBeforeItsSeq() {
        StreamRequest request = StreamRequest.fromQuery(Map.of("since", List.of("k3x9TqzB:117")));

        assertThat(request.since()).isEqualTo(new StreamCursor("k3x9TqzB", 117));
        assertThat(request.since()).hasToString("k3x9TqzB:117");
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
                .hasMessageContaining("since must be <seq> or <epoch>:<seq>");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("since", List.of("-2"))))
                .hasMessageContaining("0 or more");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("since", List.of("a b:3"))))
                .hasMessageContaining("since's epoch must be");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("since", List.of("k3x9:"))))
                .hasMessageContaining("since must be <seq> or <epoch>:<seq>");
        assertThatThrownBy(() -> StreamRequest.fromQuery(Map.of("pipelineId", List.of("a", "b"))))
                .hasMessageContaining("pipelineId given 2 times");
    }
}
