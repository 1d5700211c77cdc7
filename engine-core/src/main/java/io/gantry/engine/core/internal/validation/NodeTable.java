package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.NodeDefinition;
import java.util.List;
import java.util.Map;

/**
 * What node checking learned, for the edge and cycle checks that follow.
 *
 * @param nodes       the nodes as defined
 * @param functions   each node's descriptor by position, null where the function is unknown
 * @param indexById   position of the first node with each usable id
 */
record NodeTable(List<NodeDefinition> nodes, FunctionDescriptor[] functions, Map<String, Integer> indexById) {

    static String path(int nodeIndex) {
        return "nodes[" + nodeIndex + "]";
    }

    Integer indexOf(String nodeId) {
        return indexById.get(nodeId);
    }
}
