package io.gantry.engine.api.execution;

/** The state of an execution. */
public enum ExecutionStatus {
    /** Nodes are running or waiting. */
    RUNNING,
    /** Every node succeeded. */
    SUCCEEDED,
    /** A node failed (or the controller restarted mid-run); see the execution's error. */
    FAILED,
    /** Cancelled from outside. */
    CANCELLED;

    /** @return true for every state but {@link #RUNNING} */
    public boolean isFinal() {
        return this != RUNNING;
    }
}
