package io.gantry.rest.bundle.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.pipeline.RepeatSpec;
import io.gantry.engine.api.pipeline.RetrySpec;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PipelineBodiesTest {
    @Test
    void retryFieldsTakeTheirDefaults() throws Exception {
        PipelineDefinition definition = read("""
                {"name":"p","nodes":[{"id":"a","function":"f","retry":{"maxAttempts":3,"backoffMs":100}}]}""");
        assertThat(definition.nodes().get(0).retry()).isEqualTo(new RetrySpec(3, 100, 1, 0, 0));
    }

    @Test
    void everyMissingFieldIsReportedWithItsPath() {
        assertThatThrownBy(() -> read("""
                {"nodes":[{"id":"a"},{"function":"f","retry":{"backoffMs":1}}],"edges":[{"to":"a.x"}]}"""))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::path)
                                .containsExactly(
                                        "name",
                                        "nodes[0].function",
                                        "nodes[1].id",
                                        "nodes[1].retry.maxAttempts",
                                        "edges[0].from"));
    }

    @Test
    void impossibleRetryIsAProblemAtTheRetry() {
        assertThatThrownBy(() -> read("""
                {"name":"p","nodes":[{"id":"a","function":"f","retry":{"maxAttempts":0}}]}"""))
                .isInstanceOfSatisfying(
                        PipelineValidationException.class,
                        e -> assertThat(e.problems().get(0).path()).isEqualTo("nodes[0].retry"));
    }

    @Test
    void readOnlyFieldsOfAGetAreAcceptedBack() throws Exception {
        PipelineDefinition definition = read("""
                {"id":"p1","version":4,"updatedAt":"2026-01-01T00:00:00Z","name":"p","nodes":[],"edges":[]}""");
        assertThat(definition.id()).isEqualTo("p1");
    }

    @Test
    void missingBodyIsAProblem() {
        assertThatThrownBy(() -> PipelineBodies.toDefinition(null)).isInstanceOf(PipelineValidationException.class);
    }

    @Test
    void storedVersionRoundTripsThroughTheView() throws Exception {
        PipelineDefinition definition = read("""
                {"name":"p","description":"d","nodes":[{"id":"a","function":"f","device":"axis","params":{"b":2},
                "retry":{"maxAttempts":2,"backoffMs":5,"multiplier":2.0,"maxBackoffMs":50,"jitter":0.1},"timeoutMs":900}],
                "edges":[{"from":"a.x","to":"a.y"}]}""");
        PipelineVersion stored =
                new PipelineVersion("p1", 2, Instant.parse("2026-01-01T00:00:00Z"), definition.withId("p1"));

        JsonNode json = Json.tree(PipelineJson.of(stored));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("id", "version", "updatedAt", "name", "description", "nodes", "edges");
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(PipelineBodies.toDefinition(Json.MAPPER.treeToValue(json, PipelineJson.class)))
                .isEqualTo(definition.withId("p1"));
    }

    @Test
    void orderEdgesConditionsJoinsAndFailurePathsRoundTripThroughTheView() throws Exception {
        PipelineDefinition definition = read("""
                {"name":"cell","nodes":[
                {"id":"axis.home","function":"servo.home","device":"axis-1"},
                {"id":"weigh","function":"scale.check"},
                {"id":"place","function":"servo.move_to","when":"weigh.ok"},
                {"id":"reject","function":"servo.move_to","when":"!weigh.ok"},
                {"id":"next","function":"core.log","join":"any"},
                {"id":"alarm","function":"core.log"}],
                "edges":[{"from":"axis.home","to":"weigh"},{"from":"place","to":"next"},{"from":"reject","to":"next"},
                {"from":"weigh","to":"alarm","on":"failure"},{"from":"weigh.weight","to":"place.position"}]}""");

        assertThat(definition.nodes().get(2).when()).isEqualTo("weigh.ok");
        assertThat(definition.nodes().get(3).when()).isEqualTo("!weigh.ok");
        assertThat(definition.nodes().get(4).joinsAny()).isTrue();
        assertThat(definition.edges().get(0)).isEqualTo(new EdgeDefinition("axis.home", "weigh"));
        assertThat(definition.edges().get(3)).isEqualTo(new EdgeDefinition("weigh", "alarm", "failure"));

        PipelineVersion stored =
                new PipelineVersion("p1", 1, Instant.parse("2026-01-01T00:00:00Z"), definition.withId("p1"));
        JsonNode json = Json.tree(PipelineJson.of(stored));

        assertThat(json.at("/nodes/3/when").asText()).isEqualTo("!weigh.ok");
        assertThat(json.at("/nodes/4/join").asText()).isEqualTo("any");
        assertThat(json.at("/nodes/0").has("when")).isFalse();
        assertThat(json.at("/nodes/0").has("join")).isFalse();
        assertThat(json.at("/edges/3/on").asText()).isEqualTo("failure");
        assertThat(json.at("/edges/0").has("on")).isFalse();
        assertThat(json.at("/edges/4").fieldNames()).toIterable().containsExactly("from", "to");
        assertThat(PipelineBodies.toDefinition(Json.MAPPER.treeToValue(json, PipelineJson.class)))
                .isEqualTo(definition.withId("p1"));
    }

    @Test
    void repeatLoopsRoundTripThroughTheView() throws Exception {
        PipelineDefinition definition = read("""
                {"name":"cell","nodes":[
                {"id":"stack","function":"core.log","repeat":{"times":3}},
                {"id":"wait","function":"core.compare","repeat":{"until":"result","maxIterations":50,"intervalMs":200}},
                {"id":"log","function":"core.log"}],
                "edges":[{"from":"wait","to":"log","on":"failure"}]}""");

        assertThat(definition.nodes().get(0).repeat()).isEqualTo(RepeatSpec.times(3));
        assertThat(definition.nodes().get(1).repeat()).isEqualTo(RepeatSpec.until("result", 50, 200));
        assertThat(definition.nodes().get(2).repeat()).isNull();

        PipelineVersion stored =
                new PipelineVersion("p1", 1, Instant.parse("2026-01-01T00:00:00Z"), definition.withId("p1"));
        JsonNode json = Json.tree(PipelineJson.of(stored));

        assertThat(json.at("/nodes/0/repeat").fieldNames()).toIterable().containsExactly("times");
        assertThat(json.at("/nodes/1/repeat").fieldNames())
                .toIterable()
                .containsExactly("until", "maxIterations", "intervalMs");
        assertThat(json.at("/nodes/1/repeat/intervalMs").asLong()).isEqualTo(200);
        assertThat(json.at("/nodes/2").has("repeat")).isFalse();
        assertThat(PipelineBodies.toDefinition(Json.MAPPER.treeToValue(json, PipelineJson.class)))
                .isEqualTo(definition.withId("p1"));
    }

    @Test
    void aLoopWithoutBoundIsReadAsWrittenForTheValidatorToRefuse() throws Exception {
        PipelineDefinition definition = read("""
                {"name":"p","nodes":[{"id":"a","function":"f","repeat":{}}]}""");
        assertThat(definition.nodes().get(0).repeat()).isEqualTo(new RepeatSpec(null, null, null, null));
    }

    private static PipelineDefinition read(String json) throws Exception {
        return PipelineBodies.toDefinition(Json.MAPPER.readValue(json, PipelineJson.class));
    }
}
