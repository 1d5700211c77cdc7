package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.CodedException;

/**
 * A {@code core.call} node's sub-pipeline run did not succeed. Not retryable: the called sequence may
 * have moved the cell part way, and only its own nodes' retries know what is safe to repeat.
 */
final class CallFailedException extends CodedException {
    private static final long serialVersionUID = 1L;
    /** The code of a node whose called run failed or was cancelled. */
    static final String CALL_FAILED = "call-failed";
    /** The code of a call that would nest deeper than allowed (a latest version changed since save). */
    static final String CALL_TOO_DEEP = "call-too-deep";

    CallFailedException(String code, String message) {
        super(code, message);
    }
}
