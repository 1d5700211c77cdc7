package io.gantry.rest.bundle.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.gantry.engine.api.pipeline.EdgeDefinition;
import io.gantry.engine.api.pipeline.NodeDefinition;
import io.gantry.engine.api.pipeline.NodePosition;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import io.gantry.engine.api.pipeline.PipelineSummary;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.pipeline.RepeatSpec;
import io.gantry.engine.api.pipeline.RetrySpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pipeline as the API shows it and as clients send it. The same shape goes both ways so that a
 * panel can GET a pipeline, edit it and PUT it back: {@code version} and {@code updatedAt} are
 * read-only and ignored in request bodies. See {@link PipelineBodies} for the conversion of a body.
 *
 * @param id          its id
 * @param version     its version number (read-only)
 * @param updatedAt   when this version was saved (read-only)
 * @param name        its display name
 * @param description what it does
 * @param nodes       its nodes
 * @param edges       its edges
 * @param inputs      the typed inputs a run gives by name
 * @param outputs     the results a run gives by name
 * @param layout      where the editor drew each node, by node id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineJson(
        String id,
        Integer version,
        Instant updatedAt,
        String name,
        String description,
        List<Node> nodes,
        List<Edge> edges,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Input> inputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Output> outputs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Position> layout) {

    /** @param stored a stored version @return its JSON */
    public static PipelineJson of(PipelineVersion stored) {
        var definition = stored.definition();
        return new PipelineJson(
                stored.id(),
                stored.version(),
                stored.savedAt(),
                definition.name(),
                definition.description(),
                definition.nodes().stream().map(Node::of).toList(),
                definition.edges().stream().map(Edge::of).toList(),
                definition.inputs().stream().map(Input::of).toList(),
                definition.outputs().stream().map(Output::of).toList(),
                positions(definition.layout()));
    }

    private static Map<String, Position> positions(Map<String, NodePosition> layout) {
        Map<String, Position> positions = new LinkedHashMap<>();
        layout.forEach((nodeId, at) -> positions.put(nodeId, new Position(at.x(), at.y())));
        return positions;
    }

    /**
     * A declared input.
     *
     * @param name         its name, the key a run gives its value under
     * @param type         {@code number}, {@code integer}, {@code boolean}, {@code string} or {@code json}
     * @param defaultValue its value when a run gives none; absent makes it required
     * @param to           the input ports it feeds, each {@code nodeId.port}
     * @param description  what it means
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Input(
            String name,
            String type,
            @JsonProperty("default") Object defaultValue,
            List<String> to,
            String description) {
        static Input of(PipelineInput input) {
            return new Input(input.name(), input.type().id(), input.defaultValue(), input.to(), input.description());
        }
    }

    /**
     * A declared output.
     *
     * @param name        its name in the record's {@code outputs}
     * @param from        the output port it takes its value from, {@code nodeId.port}
     * @param description what it means
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String name, String from, String description) {
        static Output of(PipelineOutput output) {
            return new Output(output.name(), output.from(), output.description());
        }

        PipelineOutput toDefinition() {
            return new PipelineOutput(name, from, description);
        }
    }

    /**
     * Where the editor drew a node.
     *
     * @param x horizontal position
     * @param y vertical position
     */
    public record Position(Double x, Double y) {}

    /**
     * A node.
     *
     * @param id        its id, unique in the pipeline
     * @param function  the function it runs
     * @param device    the device it runs on, for device functions
     * @param params    constant params and input values
     * @param retry     its retry policy
     * @param timeoutMs its timeout per attempt
     * @param when      {@code nodeId.port} or {@code !nodeId.port}: run only when that boolean output is
     *                  true (resp. false), else be skipped
     * @param join      {@code all} (default) or {@code any}: run when one of the incoming branches ran
     * @param repeat    a bounded loop: run {@code times} times, or until a boolean output is true
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Node(
            String id,
            String function,
            String device,
            Map<String, Object> params,
            Retry retry,
            Long timeoutMs,
            String when,
            String join,
            Repeat repeat) {
        static Node of(NodeDefinition node) {
            return new Node(
                    node.id(),
                    node.function(),
                    node.device(),
                    node.params(),
                    Retry.of(node.retry()),
                    node.timeoutMs(),
                    node.when(),
                    node.join(),
                    Repeat.of(node.repeat()));
        }
    }

    /**
     * A bounded loop, as written; the validator checks it at save.
     *
     * @param times         run exactly this many times (1 to 10,000)
     * @param until         a boolean output port of the node: run until it is true
     * @param maxIterations the bound of an {@code until} loop (1 to 10,000); exhausting it fails the node
     *                      with {@code repeat-exhausted}
     * @param intervalMs    the wait between iterations (0 to 3,600,000 ms)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Repeat(Integer times, String until, Integer maxIterations, Long intervalMs) {
        static Repeat of(RepeatSpec spec) {
            return spec == null
                    ? null
                    : new Repeat(spec.times(), spec.until(), spec.maxIterations(), spec.intervalMs());
        }

        RepeatSpec toSpec() {
            return new RepeatSpec(times, until, maxIterations, intervalMs);
        }
    }

    /**
     * An edge from an output port to an input port, or an order edge from one node id to another.
     *
     * @param from {@code nodeId.outPort}, or a node id
     * @param to   {@code nodeId.inPort}, or a node id
     * @param on   of an order edge: {@code success} (default) or {@code failure}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String from, String to, String on) {
        static Edge of(EdgeDefinition edge) {
            return new Edge(edge.from(), edge.to(), edge.on());
        }

        EdgeDefinition toDefinition() {
            return new EdgeDefinition(from, to, on);
        }
    }

    /**
     * A retry policy; absent fields take their defaults (backoff 0, multiplier 1, no cap, no jitter).
     *
     * @param maxAttempts  attempts in all, at least 1 (required)
     * @param backoffMs    the wait before the second attempt
     * @param multiplier   the factor the wait grows by per attempt
     * @param maxBackoffMs the cap of the wait; 0 for none
     * @param jitter       the random share of the wait, 0 to 1
     */
    public record Retry(Integer maxAttempts, Long backoffMs, Double multiplier, Long maxBackoffMs, Double jitter) {
        static Retry of(RetrySpec spec) {
            return spec == null
                    ? null
                    : new Retry(
                            spec.maxAttempts(),
                            spec.backoffMs(),
                            spec.multiplier(),
                            spec.maxBackoffMs(),
                            spec.jitter());
        }

        RetrySpec toSpec() {
            return new RetrySpec(
                    maxAttempts,
                    backoffMs == null ? 0 : backoffMs,
                    multiplier == null ? 1 : multiplier,
                    maxBackoffMs == null ? 0 : maxBackoffMs,
                    jitter == null ? 0 : jitter);
        }
    }

    /**
     * A line of {@code GET /pipelines}.
     *
     * @param id        the pipeline's id
     * @param name      its display name
     * @param version   its latest version
     * @param updatedAt when that version was saved
     * @param valid     false when it cannot run now, e.g. a plugin it needs is gone
     */
    public record Summary(String id, String name, int version, Instant updatedAt, boolean valid) {
        /** @param summary the pipeline @return its JSON */
        public static Summary of(PipelineSummary summary) {
            return new Summary(summary.id(), summary.name(), summary.version(), summary.updatedAt(), summary.valid());
        }
    }
}
