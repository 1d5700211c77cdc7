package io.gantry.engine.api.error;

/** The run was cancelled before the call completed. */
public class ExecutionCancelledException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where
     */
    public ExecutionCancelledException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public ExecutionCancelledException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "cancelled";
    }
}
