package io.gantry.engine.api.execution;

/**
 * The {@link NodeRecord#reason()} of a {@link NodeStatus#SKIPPED} node, also the {@code reason}
 * property of {@code gantry/node/SKIPPED} events.
 *
 * @since 1.1
 */
public final class SkipReasons {
    /** Its {@code when} condition was false (or, for {@code !x.y}, true). */
    public static final String CONDITION_FALSE = "condition-false";
    /** Something it needs was skipped. */
    public static final String UPSTREAM_SKIPPED = "upstream-skipped";
    /** Something it needs failed, and that failure was handled by a failure path. */
    public static final String UPSTREAM_FAILED = "upstream-failed";
    /** It is a failure path ({@code "on": "failure"}) and its source did not fail. */
    public static final String NO_FAILURE = "no-failure";
    /** A node failed without a failure path, which stopped the run before this node ran. */
    public static final String RUN_FAILED = "run-failed";

    private SkipReasons() {}
}
