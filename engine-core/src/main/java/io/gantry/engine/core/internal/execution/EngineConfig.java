package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.pipeline.RetrySpec;
import java.util.Objects;

/**
 * The engine's knobs.
 *
 * @param maxNodesInFlight   nodes running at once across all executions; the rest wait in FIFO order
 * @param defaultTimeoutMs   timeout of one attempt when neither the node nor its function sets one
 * @param defaultRetry       retry policy of nodes that set none
 * @param maxQueuedPerDevice nodes that may wait for one busy device; the next is refused at once
 */
public record EngineConfig(
        int maxNodesInFlight, long defaultTimeoutMs, RetrySpec defaultRetry, int maxQueuedPerDevice) {
    /** 64 nodes in flight, 30 s per attempt, no retry, 100 nodes waiting per device. */
    public static final EngineConfig DEFAULTS = new EngineConfig(64, 30_000, RetrySpec.NONE);

    public EngineConfig {
        if (maxNodesInFlight < 1) {
            throw new IllegalArgumentException("maxNodesInFlight must be at least 1, was " + maxNodesInFlight);
        }
        if (defaultTimeoutMs < 1) {
            throw new IllegalArgumentException("defaultTimeoutMs must be at least 1, was " + defaultTimeoutMs);
        }
        if (maxQueuedPerDevice < 0) {
            throw new IllegalArgumentException("maxQueuedPerDevice must not be negative, was " + maxQueuedPerDevice);
        }
        Objects.requireNonNull(defaultRetry, "defaultRetry");
    }

    /** With the default device queue bound of 100. */
    public EngineConfig(int maxNodesInFlight, long defaultTimeoutMs, RetrySpec defaultRetry) {
        this(maxNodesInFlight, defaultTimeoutMs, defaultRetry, 100);
    }
}
