package io.gantry.engine.api.error;

/** A write based on a stale version was rejected (optimistic concurrency). */
public class PreconditionFailedException extends CodedException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "precondition-failed";

    /**
     * @param message which version was expected and which is current
     */
    public PreconditionFailedException(String message) {
        super(CODE, message);
    }
}
