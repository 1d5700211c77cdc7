package io.gantry.rest.bundle.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.execution.NodeRecord;
import io.gantry.engine.api.execution.NodeStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionJsonTest {
    private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void failedExecutionHasTheDocumentedShape() {
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        nodes.put(
                "home",
                new NodeRecord(
                        NodeStatus.SUCCEEDED,
                        "servo.home",
                        "io.gantry.plugins.mock.servo",
                        "0.1.0",
                        START,
                        12L,
                        1,
                        Map.of(),
                        Map.of("position", 0.0),
                        null));
        nodes.put(
                "move",
                new NodeRecord(
                        NodeStatus.FAILED,
                        "servo.move_to",
                        "io.gantry.plugins.mock.servo",
                        "0.1.0",
                        START,
                        30L,
                        3,
                        Map.of("position", 5),
                        Map.of(),
                        new ExecutionError("device-timeout", "too slow", "move", "axis-1")));
        ExecutionRecord record = new ExecutionRecord(
                "e1",
                "p1",
                2,
                ExecutionStatus.FAILED,
                START,
                START.plusMillis(50),
                50L,
                2,
                2,
                nodes,
                new ExecutionError("device-timeout", "too slow", "move", "axis-1"));

        JsonNode json = Json.tree(ExecutionJson.of(record));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "pipelineId",
                        "pipelineVersion",
                        "status",
                        "startedAt",
                        "finishedAt",
                        "durationMs",
                        "progress",
                        "nodes",
                        "error");
        assertThat(json.get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.at("/progress/done").asInt()).isEqualTo(2);
        assertThat(json.at("/nodes/move/attempts").asInt()).isEqualTo(3);
        assertThat(json.at("/nodes/move/inputs/position").asInt()).isEqualTo(5);
        assertThat(json.at("/nodes/move/functionId").asText()).isEqualTo("servo.move_to");
        assertThat(json.at("/nodes/move/pluginVersion").asText()).isEqualTo("0.1.0");
        assertThat(json.at("/nodes/move/error").toString())
                .isEqualTo(
                        "{\"code\":\"device-timeout\",\"message\":\"too slow\",\"nodeId\":\"move\",\"deviceId\":\"axis-1\"}");
        assertThat(json.at("/nodes/home").has("error")).isFalse();
    }

    @Test
    void runningExecutionShowsNullEndAndNoError() {
        ExecutionRecord record = new ExecutionRecord(
                "e2",
                null,
                0,
                ExecutionStatus.RUNNING,
                START,
                null,
                null,
                0,
                1,
                Map.of("a", NodeRecord.pending("core.add")),
                null);

        JsonNode json = Json.tree(ExecutionJson.of(record));

        assertThat(json.get("finishedAt").isNull()).isTrue();
        assertThat(json.has("error")).isFalse();
        assertThat(json.at("/nodes/a/status").asText()).isEqualTo("PENDING");
        assertThat(json.at("/nodes/a/error").isMissingNode()).isTrue();
    }

    @Test
    void skippedNodeShowsItsReasonAndBranchAndOthersOmitThem() {
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        nodes.put("weigh", NodeRecord.pending("scale.check"));
        nodes.put(
                "reject",
                new NodeRecord(
                        NodeStatus.SKIPPED,
                        "servo.move_to",
                        null,
                        null,
                        null,
                        null,
                        0,
                        Map.of(),
                        Map.of(),
                        null,
                        "condition-false",
                        "!weigh.ok",
                        0));
        ExecutionRecord record =
                new ExecutionRecord("e1", "p1", 1, ExecutionStatus.RUNNING, START, null, null, 1, 2, nodes, null);

        JsonNode json = Json.tree(ExecutionJson.of(record));

        assertThat(json.at("/nodes/reject/status").asText()).isEqualTo("SKIPPED");
        assertThat(json.at("/nodes/reject/reason").asText()).isEqualTo("condition-false");
        assertThat(json.at("/nodes/reject/branch").asText()).isEqualTo("!weigh.ok");
        assertThat(json.at("/nodes/weigh").has("reason")).isFalse();
        assertThat(json.at("/nodes/weigh").has("branch")).isFalse();
    }

    @Test
    void repeatedNodeShowsItsIterationsAndOthersOmitThem() {
        Map<String, NodeRecord> nodes = new LinkedHashMap<>();
        nodes.put("home", NodeRecord.pending("servo.home"));
        nodes.put(
                "wait",
                new NodeRecord(
                        NodeStatus.RUNNING,
                        "core.compare",
                        "io.gantry.plugins.core-functions",
                        "1.0.0",
                        START,
                        null,
                        4,
                        Map.of(),
                        Map.of(),
                        null,
                        null,
                        null,
                        3));
        ExecutionRecord record =
                new ExecutionRecord("e1", "p1", 1, ExecutionStatus.RUNNING, START, null, null, 0, 2, nodes, null);

        JsonNode json = Json.tree(ExecutionJson.of(record));

        assertThat(json.at("/nodes/wait/iterations").asInt()).isEqualTo(3);
        assertThat(json.at("/nodes/wait/attempts").asInt()).isEqualTo(4);
        assertThat(json.at("/nodes/home").has("iterations")).isFalse();
    }
}
