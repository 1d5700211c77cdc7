package io.gantry.engine.api.error;

/**
 * The root of Gantry's domain exceptions. Each carries a stable {@link #code()} (the kind of the
 * REST problem type {@code urn:gantry:problem:<code>}) and a message that says what and where.
 */
public abstract class GantryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong and where
     */
    protected GantryException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and where
     * @param cause   the underlying failure
     */
    protected GantryException(String message, Throwable cause) {
        super(message, cause);
    }

    /** @return the problem kind, such as {@code device-not-connected} */
    public abstract String code();

    /** @return whether trying the same call again may succeed (device trouble: yes; bad input: no) */
    public boolean isRetryable() {
        return false;
    }
}
