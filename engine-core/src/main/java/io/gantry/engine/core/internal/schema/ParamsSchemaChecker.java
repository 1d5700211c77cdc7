package io.gantry.engine.core.internal.schema;

import io.gantry.engine.api.error.Problem;
import java.util.List;
import java.util.Map;

/**
 * Checks a node's params against its function's JSON Schema. The validator stays free of a JSON
 * Schema library; the integrator plugs one in.
 */
@FunctionalInterface
public interface ParamsSchemaChecker {
    /** A checker that accepts everything, for pipelines whose functions declare no real schema. */
    ParamsSchemaChecker ACCEPT_ALL = (schema, params, path) -> List.of();

    /**
     * @param schemaJson the function's params schema, JSON text
     * @param params     the node's params, without the constants given to input ports
     * @param path       the params' path in the pipeline, e.g. {@code nodes[3].params}; problems
     *     should extend it, e.g. {@code nodes[3].params.speed}
     * @return one problem per violation, empty when the params are valid
     */
    List<Problem> check(String schemaJson, Map<String, Object> params, String path);
}
