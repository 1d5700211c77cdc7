package io.gantry.engine.core.internal.logging;

/**
 * Keys the controller puts in the SLF4J MDC, so that a log pattern ({@code %X{executionId}}) or a
 * structured encoder ties a line to the run it belongs to.
 */
public final class MdcKeys {
    /** The execution a line belongs to: on the end-of-run line, and on lines a function logs while it is called. */
    public static final String EXECUTION_ID = "executionId";
    /** The node a function was called for, on lines the function logs while it is called. */
    public static final String NODE_ID = "nodeId";

    private MdcKeys() {}
}
