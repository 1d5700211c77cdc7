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
    /** An edge end or a {@code when} names no node. */
    public static final String UNKNOWN_NODE = "unknown-node";
    /** An edge joins a node id (order) to a port (data). */
    public static final String MIXED_EDGE = "mixed-edge";
    /** {@code on} is not success/failure, or is on a data edge. */
    public static final String INVALID_EDGE_ON = "invalid-on";
    /** A {@code when} is not {@code node.port} or {@code !node.port}. */
    public static final String INVALID_WHEN = "invalid-when";
    /** A {@code when} names an output that is not boolean. */
    public static final String CONDITION_NOT_BOOLEAN = "condition-not-boolean";
    /** {@code join} is not all/any. */
    public static final String INVALID_JOIN = "invalid-join";
    /** A node needing every input depends on two branches that exclude each other. */
    public static final String EXCLUSIVE_BRANCHES = "exclusive-branches";

    /** A {@code repeat} has no bound: neither {@code times} nor {@code maxIterations}. */
    public static final String UNBOUNDED_REPEAT = "unbounded-repeat";
    /** A {@code repeat} mixes {@code times} and {@code until}, or a number is out of range. */
    public static final String INVALID_REPEAT = "invalid-repeat";

    /** A declared input or output name is malformed. */
    public static final String INVALID_NAME = "invalid-name";
    /** A declared input or output name is used twice. */
    public static final String DUPLICATE_NAME = "duplicate-name";
    /** A {@code core.call} node names no pipeline, or a malformed version. */
    public static final String INVALID_CALL = "invalid-call";
    /** A {@code core.call} names a pipeline or version that is not stored. */
    public static final String UNKNOWN_PIPELINE = "unknown-pipeline";
    /** A pipeline calls itself, directly or through others. */
    public static final String CALL_CYCLE = "call-cycle";
    /** Calls nest deeper than the controller allows. */
    public static final String CALL_TOO_DEEP = "call-too-deep";
    /** A called pipeline does not validate now. */
    public static final String CALLED_PIPELINE_INVALID = "called-pipeline-invalid";

    private ProblemCodes() {}
}
