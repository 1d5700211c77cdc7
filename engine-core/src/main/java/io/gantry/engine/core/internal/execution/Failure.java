package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.DeviceException;
import io.gantry.engine.api.error.GantryException;
import io.gantry.engine.api.execution.ExecutionError;
import io.gantry.engine.core.internal.plan.PlanNode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Why an attempt failed, classified. A {@link GantryException} keeps its code and retryability;
 * anything else a plugin throws is a bug in it, reported as a non-retryable {@code internal} failure
 * because retrying a bug rarely helps and may repeat a device command.
 */
record Failure(String code, String message, String deviceId, boolean retryable) {
    private static final Logger LOG = LoggerFactory.getLogger(Failure.class);
    static final String INTERNAL = "internal";
    static final String CANCELLED = "cancelled";

    /** A {@code repeat} loop reached its bound: not retryable, the node's function did its part. */
    static Failure exhausted(PlanNode node, String message) {
        return new Failure(ExecutionError.REPEAT_EXHAUSTED, message, node.deviceId(), false);
    }

    static Failure of(Throwable thrown, PlanNode node) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof GantryException g) {
            String device = g instanceof DeviceException d && d.deviceId() != null ? d.deviceId() : node.deviceId();
            return new Failure(g.code(), String.valueOf(g.getMessage()), device, g.isRetryable());
        }
        LOG.warn("node '{}': function '{}' failed unexpectedly", node.id(), node.functionId(), cause);
        return new Failure(INTERNAL, "function '" + node.functionId() + "' failed: " + cause, node.deviceId(), false);
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    boolean isCancellation() {
        return CANCELLED.equals(code);
    }

    ExecutionError toError(String nodeId) {
        return new ExecutionError(code, message, nodeId, deviceId);
    }
}
