package io.gantry.engine.api.error;

/** A device config or a node's params are unusable. */
public class InvalidConfigException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "validation";

    /**
     * @param message what went wrong and where
     */
    public InvalidConfigException(String message) {
        super(CODE, message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public InvalidConfigException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
