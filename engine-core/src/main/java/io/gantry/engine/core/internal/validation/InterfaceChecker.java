package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.pipeline.PipelineInput;
import io.gantry.engine.api.pipeline.PipelineOutput;
import io.gantry.engine.api.pipeline.PortRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what a pipeline declares to its callers: its inputs (a name, a type, a default that fits,
 * input ports they may feed) and its outputs (a name and an output port that exists).
 */
final class InterfaceChecker {
    /** Names a run gives as JSON keys and a caller sees as ports: no dots, which would read as node.port. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");

    private InterfaceChecker() {}

    /**
     * @return each input port the declared inputs feed ({@code nodeId.port}) with the path of its
     *     target, for the edge check to count as fed
     */
    static Map<String, String> checkInputs(List<PipelineInput> inputs, NodeTable table, List<Problem> problems) {
        Map<String, String> fed = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int k = 0; k < inputs.size(); k++) {
            PipelineInput input = inputs.get(k);
            String path = "inputs[" + k + "]";
            checkName(input.name(), path, names, problems);
            if (input.defaultValue() != null && !input.type().accepts(input.defaultValue())) {
                problems.add(new Problem(
                        path + ".default",
                        ProblemCodes.TYPE_MISMATCH,
                        "default " + input.defaultValue() + " is not of type "
                                + input.type().id()));
            }
            for (int m = 0; m < input.to().size(); m++) {
                String targetPath = path + ".to[" + m + "]";
                PortDescriptor port = port(input.to().get(m), targetPath, table, true, problems);
                if (port == null) {
                    continue;
                }
                if (!input.type().canFeed(port.type())) {
                    problems.add(new Problem(
                            targetPath,
                            ProblemCodes.TYPE_MISMATCH,
                            "input '" + input.name() + "' of type "
                                    + input.type().id() + " cannot feed '"
                                    + input.to().get(m) + "' of type "
                                    + port.type().id()));
                }
                String earlier = fed.putIfAbsent(input.to().get(m), targetPath);
                if (earlier != null) {
                    problems.add(new Problem(
                            targetPath,
                            ProblemCodes.DUPLICATE_INPUT,
                            "'" + input.to().get(m) + "' is already fed by " + earlier));
                }
            }
        }
        return fed;
    }

    static void checkOutputs(List<PipelineOutput> outputs, NodeTable table, List<Problem> problems) {
        Set<String> names = new HashSet<>();
        for (int k = 0; k < outputs.size(); k++) {
            PipelineOutput output = outputs.get(k);
            String path = "outputs[" + k + "]";
            checkName(output.name(), path, names, problems);
            port(output.from(), path + ".from", table, false, problems);
        }
    }

    /** A position for a node that does not exist is a leftover the editor would never draw. */
    static void checkLayout(Set<String> positioned, NodeTable table, List<Problem> problems) {
        for (String nodeId : positioned) {
            if (table.indexOf(nodeId) == null) {
                problems.add(new Problem(
                        "layout." + nodeId, ProblemCodes.UNKNOWN_NODE, "layout names unknown node '" + nodeId + "'"));
            }
        }
    }

    private static void checkName(String name, String path, Set<String> names, List<Problem> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(new Problem(
                    path + ".name",
                    ProblemCodes.INVALID_NAME,
                    "name '" + name + "' must be 1 to 64 letters, digits, '_' or '-', starting with a letter or '_'"));
        } else if (!names.add(name)) {
            problems.add(
                    new Problem(path + ".name", ProblemCodes.DUPLICATE_NAME, "name '" + name + "' is declared twice"));
        }
    }

    /** @return the port the reference names, or null after reporting why there is none */
    private static PortDescriptor port(
            String ref, String path, NodeTable table, boolean input, List<Problem> problems) {
        PortRef parsed;
        try {
            parsed = PortRef.parse(ref);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(path, ProblemCodes.MALFORMED_EDGE, e.getMessage()));
            return null;
        }
        Integer node = table.indexOf(parsed.nodeId());
        if (node == null) {
            problems.add(new Problem(path, ProblemCodes.UNKNOWN_NODE, "unknown node '" + parsed.nodeId() + "'"));
            return null;
        }
        FunctionDescriptor function = table.functions()[node];
        if (function == null) {
            return null; // the node's own problem is reported already
        }
        PortDescriptor port = input ? function.input(parsed.port()) : function.output(parsed.port());
        if (port == null) {
            problems.add(new Problem(
                    path,
                    ProblemCodes.UNKNOWN_PORT,
                    "function '" + function.id() + "' of node '" + parsed.nodeId() + "' has no "
                            + (input ? "input" : "output") + " '" + parsed.port() + "'"));
        }
        return port;
    }
}
