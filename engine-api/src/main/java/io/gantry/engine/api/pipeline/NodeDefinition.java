package io.gantry.engine.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a pipeline: a call of a function.
 *
 * @param id        unique in the pipeline; may contain dots (an edge end equal to it names the node)
 * @param function  the id of the function to call
 * @param device    the id of the device instance it acts on; null for pure functions
 * @param params    the function's params, plus constants for input ports under the port's name
 * @param retry     the retry policy; null for the function's or controller's default
 * @param timeoutMs the timeout of one attempt in ms; null for the function's or controller's default
 * @param when      a condition {@code nodeId.port} or {@code !nodeId.port} naming a boolean output of
 *                  another node: the node runs only when it is true (resp. false), otherwise it is
 *                  skipped; null to run unconditionally
 * @param join      {@link #JOIN_ALL} (the default when null): the node needs every incoming edge;
 *                  {@link #JOIN_ANY}: it runs when at least one incoming branch completed and all
 *                  others were skipped
 * @param repeat    a bounded loop: the node runs several times (see {@link RepeatSpec}); null to run
 *                  once
 * @since 1.1 ({@code when}, {@code join} and {@code repeat})
 */
public record NodeDefinition(
        String id,
        String function,
        String device,
        Map<String, Object> params,
        RetrySpec retry,
        Long timeoutMs,
        String when,
        String join,
        RepeatSpec repeat) {
    /** {@code join} of a node that needs every incoming edge (the default). */
    public static final String JOIN_ALL = "all";
    /** {@code join} of a node fed by alternative branches, of which one runs. */
    public static final String JOIN_ANY = "any";

    /** Checks presence and copies params (JSON null values are kept). */
    public NodeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * A node without condition that needs all its inputs.
     *
     * @param id        node id
     * @param function  function id
     * @param device    device id, null for pure functions
     * @param params    params and port constants
     * @param retry     retry policy, null for the default
     * @param timeoutMs timeout per attempt in ms, null for the default
     */
    public NodeDefinition(
            String id, String function, String device, Map<String, Object> params, RetrySpec retry, Long timeoutMs) {
        this(id, function, device, params, retry, timeoutMs, null, null, null);
    }

    /**
     * @param id       node id
     * @param function function id
     * @param params   params and port constants
     * @return a node on a pure function with default retry and timeout
     */
    public static NodeDefinition of(String id, String function, Map<String, Object> params) {
        return new NodeDefinition(id, function, null, params, null, null);
    }

    /** @return true when {@code join} is {@link #JOIN_ANY} */
    public boolean joinsAny() {
        return JOIN_ANY.equals(join);
    }

    /**
     * @param condition {@code nodeId.port} or {@code !nodeId.port}, or null
     * @return this node with that condition
     * @since 1.1
     */
    public NodeDefinition withWhen(String condition) {
        return new NodeDefinition(id, function, device, params, retry, timeoutMs, condition, join, repeat);
    }

    /**
     * @param mode {@link #JOIN_ALL}, {@link #JOIN_ANY} or null
     * @return this node with that join
     * @since 1.1
     */
    public NodeDefinition withJoin(String mode) {
        return new NodeDefinition(id, function, device, params, retry, timeoutMs, when, mode, repeat);
    }

    /**
     * @param loop the bounded loop, or null to run once
     * @return this node with that loop
     * @since 1.1
     */
    public NodeDefinition withRepeat(RepeatSpec loop) {
        return new NodeDefinition(id, function, device, params, retry, timeoutMs, when, join, loop);
    }
}
