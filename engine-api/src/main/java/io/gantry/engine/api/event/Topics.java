package io.gantry.engine.api.event;

/**
 * EventAdmin topics posted by the controller. The same names reach WebSocket clients of
 * {@code /api/events}. Events of one execution are posted in causal order.
 */
public final class Topics {
    /** Prefix of every Gantry topic; subscribe to {@code gantry/*} for all. */
    public static final String ROOT = "gantry/";

    /** An execution started. */
    public static final String PIPELINE_STARTED = "gantry/pipeline/STARTED";
    /** An execution ended with every node succeeded. */
    public static final String PIPELINE_COMPLETED = "gantry/pipeline/COMPLETED";
    /** An execution ended because a node failed. */
    public static final String PIPELINE_FAILED = "gantry/pipeline/FAILED";
    /** An execution was cancelled. */
    public static final String PIPELINE_CANCELLED = "gantry/pipeline/CANCELLED";

    /** A node started (also before each retry attempt). */
    public static final String NODE_EXECUTING = "gantry/node/EXECUTING";
    /** A node completed; the event carries its outputs. */
    public static final String NODE_COMPLETED = "gantry/node/COMPLETED";
    /** A node failed for good. */
    public static final String NODE_FAILED = "gantry/node/FAILED";
    /**
     * An iteration of a node with {@code repeat} ended with outputs: carries
     * {@link EventProperties#ITERATION} (from 1), {@link EventProperties#OUTPUTS} of that iteration and,
     * for an {@code until} loop, {@link EventProperties#CONDITION_VALUE}. {@link #NODE_EXECUTING} comes
     * once before the first iteration, {@link #NODE_COMPLETED} or {@link #NODE_FAILED} once after the
     * last.
     *
     * @since 1.3
     */
    public static final String NODE_ITERATION = "gantry/node/ITERATION";
    /** A node attempt failed and will be retried after a delay. */
    public static final String NODE_RETRYING = "gantry/node/RETRYING";
    /**
     * A node will not run: its condition was false, something it needs was skipped or failed, it is a
     * failure path whose source did not fail, or the run stopped; see {@link EventProperties#REASON}.
     */
    public static final String NODE_SKIPPED = "gantry/node/SKIPPED";

    /** A device instance was created. */
    public static final String DEVICE_CREATED = "gantry/device/CREATED";
    /** A device connected. */
    public static final String DEVICE_CONNECTED = "gantry/device/CONNECTED";
    /** A device disconnected. */
    public static final String DEVICE_DISCONNECTED = "gantry/device/DISCONNECTED";
    /** A device faulted. */
    public static final String DEVICE_FAULT = "gantry/device/FAULT";
    /** A device instance was deleted. */
    public static final String DEVICE_REMOVED = "gantry/device/REMOVED";
    /** A device's plugin went away; the instance is kept. */
    public static final String DEVICE_UNAVAILABLE = "gantry/device/UNAVAILABLE";

    /** A plugin bundle was installed and its services are live. */
    public static final String PLUGIN_INSTALLED = "gantry/plugin/INSTALLED";
    /** A plugin bundle was replaced by another version (or the update failed: see {@link EventProperties#ERROR}). */
    public static final String PLUGIN_UPDATED = "gantry/plugin/UPDATED";
    /** A plugin bundle was removed. */
    public static final String PLUGIN_UNINSTALLED = "gantry/plugin/UNINSTALLED";
    /**
     * A plugin version did not work (it did not start, a component failed or it was refused) and the
     * last good version is serving again: {@link EventProperties#FAILED_VERSION} failed,
     * {@link EventProperties#PLUGIN_VERSION} serves, {@link EventProperties#ERROR} says why.
     */
    public static final String PLUGIN_ROLLED_BACK = "gantry/plugin/ROLLED_BACK";
    /**
     * A plugin was refused as a whole: a descriptor is wrong, or it registers a function or device
     * type id that another plugin owns. {@link EventProperties#ERROR} names the id and its owner.
     */
    public static final String PLUGIN_REFUSED = "gantry/plugin/REFUSED";
    /** A file in deploy/ is not a plugin and is ignored: {@link EventProperties#FILE}, {@link EventProperties#ERROR}. */
    public static final String PLUGIN_REJECTED = "gantry/plugin/REJECTED";

    /**
     * A device's signal changed: a new value (beyond its deadband) or a new quality. Carries
     * {@link EventProperties#DEVICE_ID}, {@link EventProperties#SIGNAL}, {@link EventProperties#VALUE},
     * {@link EventProperties#QUALITY}, {@link EventProperties#SAMPLED_AT} and, when BAD,
     * {@link EventProperties#ERROR}.
     */
    public static final String SIGNAL_CHANGED = "gantry/signal/CHANGED";

    /** A device's circuit breaker opened: calls fail fast. */
    public static final String BREAKER_OPENED = "gantry/breaker/OPENED";
    /** A device's circuit breaker lets a trial call through. */
    public static final String BREAKER_HALF_OPEN = "gantry/breaker/HALF_OPEN";
    /** A device's circuit breaker closed again. */
    public static final String BREAKER_CLOSED = "gantry/breaker/CLOSED";

    /**
     * Events were lost: the controller produced them faster than the event bus could deliver them,
     * and rather than slow the engine it dropped them. Carries {@link EventProperties#DROPPED}, the
     * number lost since the previous event; they are missing just before this notice. Execution
     * records (REST) are complete regardless: a client that sees this re-reads what it shows.
     */
    public static final String EVENTS_DROPPED = "gantry/events/DROPPED";

    private Topics() {}
}
