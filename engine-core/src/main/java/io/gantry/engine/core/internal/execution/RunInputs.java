package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PortRef;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Places the inputs given to a run on the nodes' input ports. A key that names one of the pipeline's
 * declared inputs gives that input's value (checked against its type; an absent one takes its
 * default, or is refused when it has none); any other key is {@code "nodeId.port"} and feeds that
 * port directly. Both override constants from params but may not replace an edge.
 *
 * @param perNode  per plan node index, the run inputs for it, or null where none
 * @param declared the declared inputs' values by name, defaults included, for the record
 */
record RunInputs(List<Map<String, Object>> perNode, Map<String, Object> declared) {

    /** @throws PipelineValidationException naming each input that is unknown, missing or of the wrong type */
    static RunInputs place(ExecutionPlan plan, Map<String, Object> inputs) {
        List<Map<String, Object>> placed = new ArrayList<>(Collections.nCopies(plan.nodeCount(), null));
        Map<String, Object> declared = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, PipelineInput> byName = new HashMap<>();
        for (PipelineInput input : plan.inputs()) {
            byName.put(input.name(), input);
            declaredInput(plan, input, inputs.get(input.name()), placed, declared, problems);
        }
        inputs.forEach((key, value) -> {
            if (!byName.containsKey(key)) {
                portInput(plan, key, value, placed, problems);
            }
        });
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems);
        }
        return new RunInputs(placed, Collections.unmodifiableMap(declared));
    }

    private static void declaredInput(
            ExecutionPlan plan,
            PipelineInput input,
            Object given,
            List<Map<String, Object>> placed,
            Map<String, Object> declared,
            List<Problem> problems) {
        String path = "inputs." + input.name();
        Object value = given != null ? given : input.defaultValue();
        if (value == null) {
            problems.add(new Problem(
                    path,
                    "missing-input",
                    "input '" + input.name() + "' of type " + input.type().id() + " is required"));
            return;
        }
        if (!input.type().accepts(value)) {
            problems.add(new Problem(
                    path,
                    "type-mismatch",
                    "value " + value + " does not fit input '" + input.name() + "' of type "
                            + input.type().id()));
            return;
        }
        declared.put(input.name(), value);
        for (String target : input.to()) {
            PortRef ref = PortRef.parse(target); // validated at save: the node and its free port exist
            plan.node(ref.nodeId()).ifPresent(node -> put(placed, node, ref.port(), value));
        }
    }

    private static void portInput(
            ExecutionPlan plan, String key, Object value, List<Map<String, Object>> placed, List<Problem> problems) {
        String path = "inputs." + key;
        if (key.indexOf('.') < 0) {
            problems.add(new Problem(path, "unknown-input", unknownName(plan, key)));
            return;
        }
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
        } else if (placed.get(node.get().index()) != null
                && placed.get(node.get().index()).containsKey(ref.port())) {
            problems.add(new Problem(path, "duplicate-input", "input '" + key + "' is fed by a declared input"));
        } else if (!port.type().accepts(value)) {
            problems.add(new Problem(
                    path,
                    "type-mismatch",
                    "value " + value + " does not fit input '" + key + "' of type "
                            + port.type().id()));
        } else {
            put(placed, node.get(), ref.port(), value);
        }
    }

    private static String unknownName(ExecutionPlan plan, String key) {
        if (plan.inputs().isEmpty()) {
            return "the pipeline declares no input '" + key + "' (it declares none; a port is given as 'nodeId.port')";
        }
        List<String> names = plan.inputs().stream().map(PipelineInput::name).toList();
        return "the pipeline declares no input '" + key + "'; it declares " + String.join(", ", names);
    }

    private static void put(List<Map<String, Object>> placed, PlanNode node, String port, Object value) {
        if (placed.get(node.index()) == null) {
            placed.set(node.index(), new HashMap<>());
        }
        placed.get(node.index()).put(port, value);
    }
}
