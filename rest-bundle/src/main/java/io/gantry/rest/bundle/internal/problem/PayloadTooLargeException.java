package io.gantry.rest.bundle.internal.problem;

import io.gantry.engine.api.error.GantryException;

/** A request body larger than the configured limit; answered with 413 {@code payload-too-large}. */
public final class PayloadTooLargeException extends GantryException {
    private static final long serialVersionUID = 1L;

    /** @param limit the largest body accepted, in bytes */
    public PayloadTooLargeException(long limit) {
        super("the request body is larger than the limit of " + limit + " bytes");
    }

    @Override
    public String code() {
        return "payload-too-large";
    }
}
