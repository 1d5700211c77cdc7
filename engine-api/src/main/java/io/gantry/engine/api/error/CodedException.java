package io.gantry.engine.api.error;

/**
 * A {@link GantryException} whose {@link #code()} is fixed by its class and handed up once, in the
 * constructor: the shared shape of Gantry's concrete exceptions, which otherwise differ only in
 * their message and, for devices, the device concerned.
 *
 * @since 1.1
 */
public abstract class CodedException extends GantryException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /**
     * @param code    the problem kind, such as {@code not-found}; null only for subclasses that
     *     override {@link #code()} themselves
     * @param message what went wrong and where
     */
    protected CodedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * @param code    the problem kind, such as {@code not-found}; null only for subclasses that
     *     override {@link #code()} themselves
     * @param message what went wrong and where
     * @param cause   the underlying failure, or null
     */
    protected CodedException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** @return the problem kind given to the constructor */
    @Override
    public String code() {
        return code;
    }
}
