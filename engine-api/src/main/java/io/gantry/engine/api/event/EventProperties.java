package io.gantry.engine.api.event;

/** Property keys of Gantry events; the same names appear as fields of WebSocket event messages. */
public final class EventProperties {
    /** Controller time of the event, ISO-8601 UTC string. */
    public static final String TIMESTAMP = "timestamp";
    /** Execution id (String). */
    public static final String EXECUTION_ID = "executionId";
    /** Pipeline id (String). */
    public static final String PIPELINE_ID = "pipelineId";
    /** Pipeline version (Integer). */
    public static final String PIPELINE_VERSION = "pipelineVersion";
    /** Node id (String). */
    public static final String NODE_ID = "nodeId";
    /** Function id (String). */
    public static final String FUNCTION_ID = "functionId";
    /** Device id (String). */
    public static final String DEVICE_ID = "deviceId";
    /** Device status name (String). */
    public static final String STATUS = "status";
    /** Attempt number, from 1 (Integer). */
    public static final String ATTEMPT = "attempt";
    /** Delay before the next attempt in ms (Long). */
    public static final String DELAY_MS = "delayMs";
    /** Duration in ms (Long). */
    public static final String DURATION_MS = "durationMs";
    /** Node outputs (Map). */
    public static final String OUTPUTS = "outputs";
    /** Error message (String). */
    public static final String ERROR = "error";
    /** Error kind, as a problem code (String). */
    public static final String ERROR_CODE = "errorCode";
    /** Plugin bundle symbolic name (String). */
    public static final String PLUGIN = "plugin";
    /** Plugin bundle version (String). */
    public static final String PLUGIN_VERSION = "pluginVersion";
    /** The version a plugin had before an update (String). */
    public static final String PREVIOUS_VERSION = "previousVersion";
    /** The plugin version that failed and was replaced by the last good one (String). */
    public static final String FAILED_VERSION = "failedVersion";
    /** A file name in deploy/ (String). */
    public static final String FILE = "file";
    /** Progress: nodes done (Integer). */
    public static final String DONE = "done";
    /** Progress: nodes in all (Integer). */
    public static final String TOTAL = "total";
    /** Of {@link Topics#EVENTS_DROPPED}: how many events were lost (a number). */
    public static final String DROPPED = "dropped";

    /**
     * Of {@link Topics#NODE_SKIPPED}: why the node did not run, one of
     * {@link io.gantry.engine.api.execution.SkipReasons} (String); absent for a cancelled run.
     *
     * @since 1.3
     */
    public static final String REASON = "reason";
    /**
     * The decision taken for a node with a {@code when} condition: the condition as written, e.g.
     * {@code weigh.ok} or {@code !weigh.ok} (String). On {@link Topics#NODE_EXECUTING} the branch was
     * taken; on {@link Topics#NODE_SKIPPED} with reason {@code condition-false} it was not.
     *
     * @since 1.3
     */
    public static final String BRANCH = "branch";

    /**
     * Of {@link Topics#NODE_ITERATION}: the iteration that ended, from 1 (Integer).
     *
     * @since 1.3
     */
    public static final String ITERATION = "iteration";
    /**
     * Of {@link Topics#NODE_ITERATION} of an {@code until} loop: the value of the {@code until} output
     * after that iteration (Boolean); the loop ends at the first true.
     *
     * @since 1.3
     */
    public static final String CONDITION_VALUE = "conditionValue";

    /**
     * Of {@link Topics#PIPELINE_STARTED} of a sub-pipeline run: the run whose {@code core.call} node
     * started it (String); absent for a direct run.
     *
     * @since 1.3
     */
    public static final String PARENT_EXECUTION_ID = "parentExecutionId";
    /**
     * Of {@link Topics#PIPELINE_STARTED} of a sub-pipeline run: that {@code core.call} node (String).
     *
     * @since 1.3
     */
    public static final String PARENT_NODE_ID = "parentNodeId";
    /**
     * Of {@link Topics#SIGNAL_CHANGED}: the signal's name (String).
     *
     * @since 1.4
     */
    public static final String SIGNAL = "signal";
    /**
     * Of {@link Topics#SIGNAL_CHANGED}: its new value, JSON-like; absent when there is none (BAD).
     *
     * @since 1.4
     */
    public static final String VALUE = "value";
    /**
     * Of {@link Topics#SIGNAL_CHANGED}: its quality, {@code GOOD}, {@code UNCERTAIN}, {@code BAD} or
     * {@code STALE} (String).
     *
     * @since 1.4
     */
    public static final String QUALITY = "quality";
    /**
     * Of {@link Topics#SIGNAL_CHANGED}: when the value was read, ISO-8601 (String); the event's own
     * {@link #TIMESTAMP} is when it was announced.
     *
     * @since 1.4
     */
    public static final String SAMPLED_AT = "sampledAt";
    /**
     * Of every event the controller publishes: the epoch it belongs to (String), a new id each time the
     * controller starts. With {@link #SEQ} it names the event in the {@link EventLog}.
     *
     * @since 1.5
     */
    public static final String EPOCH = "epoch";
    /**
     * Of every event the controller publishes: its number in its {@link #EPOCH} (Long), from 1, rising
     * by one per event in the order the events were delivered; never repeated within an epoch.
     *
     * @since 1.5
     */
    public static final String SEQ = "seq";

    private EventProperties() {}
}
