package io.gantry.engine.api.pipeline;

import java.util.Objects;

/**
 * An edge of a pipeline: either data flowing from an output port to an input port ({@code from}
 * and {@code to} both {@code nodeId.port}), or order without data ({@code from} and {@code to}
 * both a node id): the target starts only after the source succeeded, or with
 * {@code on = "failure"} only after it failed. An end that exactly equals a node id names that
 * node; any other end is {@code nodeId.port} (split at the last dot).
 *
 * @param from {@code nodeId.outputPort}, or a node id for an order edge
 * @param to   {@code nodeId.inputPort}, or a node id for an order edge
 * @param on   for an order edge, {@link #ON_SUCCESS} (the default when null) or {@link #ON_FAILURE};
 *             null for a data edge
 * @since 1.1 (order edges and {@code on})
 */
public record EdgeDefinition(String from, String to, String on) {
    /** {@code on} of an order edge whose target runs after its source succeeded (the default). */
    public static final String ON_SUCCESS = "success";
    /** {@code on} of an order edge whose target runs only after its source failed (a failure path). */
    public static final String ON_FAILURE = "failure";

    /** Checks presence. */
    public EdgeDefinition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * A data edge, or an order edge on success.
     *
     * @param from {@code nodeId.outputPort}, or a node id
     * @param to   {@code nodeId.inputPort}, or a node id
     */
    public EdgeDefinition(String from, String to) {
        this(from, to, null);
    }

    /** @return true when this edge is a failure path ({@code on} is {@link #ON_FAILURE}) */
    public boolean onFailure() {
        return ON_FAILURE.equals(on);
    }
}
