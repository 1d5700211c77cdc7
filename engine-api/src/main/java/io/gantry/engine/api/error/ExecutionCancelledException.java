package io.gantry.engine.api.error;

/** The run was cancelled before the call completed. */
public class ExecutionCancelledException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "cancelled";

    /**
     * @param message what went wrong and where
     */
    public ExecutionCancelledException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public ExecutionCancelledException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
