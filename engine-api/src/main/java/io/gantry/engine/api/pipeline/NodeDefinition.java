package io.gantry.engine.api.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a pipeline: a call of a function.
 *
 * @param id        unique in the pipeline
 * @param function  the id of the function to call
 * @param device    the id of the device instance it acts on; null for pure functions
 * @param params    the function's params, plus constants for input ports under the port's name
 * @param retry     the retry policy; null for the function's or controller's default
 * @param timeoutMs the timeout of one attempt in ms; null for the function's or controller's default
 */
public record NodeDefinition(
        String id, String function, String device, Map<String, Object> params, RetrySpec retry, Long timeoutMs) {
    /** Checks presence and copies params (JSON null values are kept). */
    public NodeDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(function, "function");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
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
}
