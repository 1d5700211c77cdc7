package io.gantry.engine.api.error;

/** A pipeline, version, device, execution or other resource does not exist. */
public class NotFoundException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "not-found";

    /**
     * @param message what went wrong and where
     */
    public NotFoundException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
