package io.gantry.engine.api.error;

/** A device config or a node's params are unusable. */
public class InvalidConfigException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where
     */
    public InvalidConfigException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "validation";
    }
}
