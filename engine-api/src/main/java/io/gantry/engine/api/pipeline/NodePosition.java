package io.gantry.engine.api.pipeline;

/**
 * Where the editor drew a node, so a pipeline opens as it was drawn. Presentation only: the engine
 * ignores it, and a node without a position is laid out by the editor.
 *
 * @param x horizontal position in editor units
 * @param y vertical position in editor units
 * @since 1.1
 */
public record NodePosition(double x, double y) {
    /** Refuses positions that are not finite numbers. */
    public NodePosition {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("a node position must be finite, was (" + x + ", " + y + ")");
        }
    }
}
