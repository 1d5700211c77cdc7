package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.pipeline.RetrySpec;
import java.util.Objects;

/**
 * The engine's knobs.
 *
 * @param maxNodesInFlight  nodes running at once across all executions; the rest wait in FIFO order
 * @param defaultTimeoutMs  timeout of one attempt when neither the node nor its function sets one
 * @param defaultRetry      retry policy of nodes that set none
 */
public record EngineConfig(int maxNodesInFlight, long defaultTimeoutMs, RetrySpec defaultRetry) {
    /** 64 nodes in flight, 30 s per attempt, no retry. */
    public static final EngineConfig DEFAULTS = new EngineConfig(64, 30_000, RetrySpec.NONE);

    public EngineConfig {
        if (maxNodesInFlight < 1) {
            throw new IllegalArgumentException("maxNodesInFlight must be at least 1, was " + maxNodesInFlight);
        }
        if (defaultTimeoutMs < 1) {
            throw new IllegalArgumentException("defaultTimeoutMs must be at least 1, was " + defaultTimeoutMs);
        }
        Objects.requireNonNull(defaultRetry, "defaultRetry");
    }
}
