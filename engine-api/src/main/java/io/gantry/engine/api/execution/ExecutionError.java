package io.gantry.engine.api.execution;

/**
 * Why a node or an execution failed.
 *
 * @param code     the problem kind (for example {@code device-fault}, {@code timeout}, {@code plugin-unavailable})
 * @param message  what happened, in words an operator can act on
 * @param nodeId   the node that failed; null when not about one node
 * @param deviceId the device concerned; null when no device was involved
 */
public record ExecutionError(String code, String message, String nodeId, String deviceId) {
    /**
     * The code of a node with {@code repeat} that reached its bound: an {@code until} loop whose
     * condition was still false after {@code maxIterations} iterations.
     *
     * @since 1.1
     */
    public static final String REPEAT_EXHAUSTED = "repeat-exhausted";
}
