package io.gantry.engine.core.internal.validation;

/** The {@link io.gantry.engine.api.error.Problem#code()} values the validator reports. */
public final class ProblemCodes {
    public static final String MISSING_ID = "missing-id";
    public static final String DUPLICATE_NODE = "duplicate-node";
    public static final String UNKNOWN_FUNCTION = "unknown-function";
    public static final String MISSING_DEVICE = "missing-device";
    public static final String UNEXPECTED_DEVICE = "unexpected-device";
    public static final String UNKNOWN_DEVICE = "unknown-device";
    public static final String WRONG_DEVICE_TYPE = "wrong-device-type";
    public static final String MALFORMED_EDGE = "malformed-edge";
    public static final String UNKNOWN_PORT = "unknown-port";
    public static final String DUPLICATE_INPUT = "duplicate-input";
    public static final String TYPE_MISMATCH = "type-mismatch";
    public static final String MISSING_INPUT = "missing-input";
    public static final String INVALID_RETRY = "invalid-retry";
    public static final String INVALID_TIMEOUT = "invalid-timeout";
    public static final String CYCLE = "cycle";

    private ProblemCodes() {}
}
