package io.gantry.engine.api.error;

/** A pipeline, version, device, execution or other resource does not exist. */
public class NotFoundException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where
     */
    public NotFoundException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "not-found";
    }
}
