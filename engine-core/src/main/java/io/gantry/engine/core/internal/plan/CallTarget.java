package io.gantry.engine.core.internal.plan;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stored pipeline a {@code core.call} node runs: its id, and a pinned version or null for the
 * latest when the node starts.
 *
 * @param pipelineId the called pipeline
 * @param version    the pinned version; null for the latest
 */
public record CallTarget(String pipelineId, Integer version) {
    /** The built-in function that runs another stored pipeline as one node. */
    public static final String FUNCTION_ID = "core.call";
    /** The param naming the called pipeline. */
    public static final String PIPELINE_PARAM = "pipeline";
    /** The param pinning its version. */
    public static final String VERSION_PARAM = "version";
    /**
     * How deep calls may nest: a cell's sequence calls a station's, which calls a tool's; eight levels
     * leave room for that and stop a runaway recursion long before threads or memory suffer.
     */
    public static final int MAX_DEPTH = 8;
    /** The whole called run is one attempt of the node: an hour unless the node says otherwise. */
    public static final long DEFAULT_TIMEOUT_MS = 3_600_000L;
    /** The params a {@code core.call} node takes besides constants for the called pipeline's inputs. */
    public static final String PARAMS_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"pipeline\":{\"type\":\"string\",\"minLength\":1},"
            + "\"version\":{\"type\":\"integer\",\"minimum\":1}},"
            + "\"required\":[\"pipeline\"],\"additionalProperties\":false}";
    /** What {@code GET /api/functions} lists: the ports of a node depend on the pipeline it calls. */
    public static final FunctionDescriptor GENERIC = new FunctionDescriptor(
            FUNCTION_ID, "Call a stored pipeline", null, List.of(), List.of(), PARAMS_SCHEMA, DEFAULT_TIMEOUT_MS);

    /**
     * @param node a node
     * @return its target when it is a {@code core.call} node whose params name a pipeline (a string)
     *     and optionally a version (a positive integer); empty otherwise
     */
    public static Optional<CallTarget> of(NodeDefinition node) {
        return FUNCTION_ID.equals(node.function()) ? of(node.params()) : Optional.empty();
    }

    /**
     * @param params a {@code core.call} node's params
     * @return the target they name, or empty when they name none
     */
    public static Optional<CallTarget> of(Map<String, Object> params) {
        if (!(params.get(PIPELINE_PARAM) instanceof String id) || id.isBlank()) {
            return Optional.empty();
        }
        Object version = params.get(VERSION_PARAM);
        if (version == null) {
            return Optional.of(new CallTarget(id, null));
        }
        if (version instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.intValue() >= 1) {
            return Optional.of(new CallTarget(id, n.intValue()));
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return version == null ? pipelineId + " (latest)" : pipelineId + " v" + version;
    }
}
