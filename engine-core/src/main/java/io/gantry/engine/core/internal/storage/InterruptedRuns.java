package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.execution.ExecutionRecord;
import java.util.List;

/**
 * The runs this start of the controller found RUNNING in its database, left so by a process that is
 * gone, and recorded as FAILED. Their end is announced on the event bus, so that whoever followed them
 * live (an HMI resuming from the event log, a bridge) sees their story end.
 */
public interface InterruptedRuns {
    /** @return those runs as now recorded, the first time asked; empty after that */
    List<ExecutionRecord> takeEndedAtStart();
}
