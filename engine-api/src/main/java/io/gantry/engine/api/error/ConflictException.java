package io.gantry.engine.api.error;

/** The request conflicts with the current state (a device in use by a running execution, an id taken). */
public class ConflictException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "conflict";

    /**
     * @param message what went wrong and where
     */
    public ConflictException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public ConflictException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
