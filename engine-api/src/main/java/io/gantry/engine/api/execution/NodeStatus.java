package io.gantry.engine.api.execution;

/** The state of one node in an execution. */
public enum NodeStatus {
    /** Waiting for its inputs. */
    PENDING,
    /** Its function is being called (or it waits to retry). */
    RUNNING,
    /** Its function returned its outputs. */
    SUCCEEDED,
    /** Its function failed for good. */
    FAILED,
    /** It did not run: its condition was false, something upstream failed or was skipped; see {@link NodeRecord#reason()}. */
    SKIPPED,
    /** It did not run, or was stopped, because the execution was cancelled. */
    CANCELLED;

    /** @return true once the node will not change any more */
    public boolean isFinal() {
        return this != PENDING && this != RUNNING;
    }
}
