package io.gantry.engine.api.pipeline;

import java.util.Objects;

/**
 * A port of a node, written {@code nodeId.portName} in pipeline JSON. The last dot separates the
 * two, so node ids may themselves contain dots.
 *
 * @param nodeId the node
 * @param port   the port's name
 */
public record PortRef(String nodeId, String port) {
    /** Checks presence. */
    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    /**
     * @param text {@code nodeId.portName}
     * @return the reference
     * @throws IllegalArgumentException when there is no dot or either side is empty
     */
    public static PortRef parse(String text) {
        int dot = text == null ? -1 : text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("expected 'node.port', got '" + text + "'");
        }
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
