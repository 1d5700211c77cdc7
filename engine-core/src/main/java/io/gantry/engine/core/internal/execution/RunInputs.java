package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places the inputs given to a run ({@code "nodeId.port" -> value}) on the nodes' input ports. They
 * override constants from params but may not replace an edge.
 */
final class RunInputs {

    private RunInputs() {}

    /**
     * @return per plan node index, the run inputs for it, or null where none
     * @throws PipelineValidationException naming each input that has no free port or the wrong type
     */
    static List<Map<String, Object>> place(ExecutionPlan plan, Map<String, Object> inputs) {
        List<Map<String, Object>> placed = new ArrayList<>(Collections.nCopies(plan.nodeCount(), null));
        List<Problem> problems = new ArrayList<>();
        inputs.forEach((key, value) -> {
            String path = "inputs." + key;
            PortRef ref;
            try {
                ref = PortRef.parse(key);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(path, "malformed-input", e.getMessage()));
                return;
            }
            Optional<PlanNode> node = plan.node(ref.nodeId());
            PortDescriptor port = node.map(n -> n.function().input(ref.port())).orElse(null);
            if (port == null) {
                problems.add(new Problem(path, "unknown-port", "no input port '" + key + "'"));
            } else if (node.get().hasEdgeInto(ref.port())) {
                problems.add(new Problem(path, "duplicate-input", "input '" + key + "' is fed by an edge"));
            } else if (!port.type().accepts(value)) {
                problems.add(new Problem(
                        path,
                        "type-mismatch",
                        "value " + value + " does not fit input '" + key + "' of type "
                                + port.type().id()));
            } else {
                int index = node.get().index();
                if (placed.get(index) == null) {
                    placed.set(index, new HashMap<>());
                }
                placed.get(index).put(ref.port(), value);
            }
        });
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems);
        }
        return placed;
    }
}
