package io.gantry.engine.api.error;

/** A write based on a stale version was rejected (optimistic concurrency). */
public class PreconditionFailedException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message which version was expected and which is current
     */
    public PreconditionFailedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "precondition-failed";
    }
}
