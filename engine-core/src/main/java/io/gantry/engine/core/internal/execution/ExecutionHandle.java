package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import java.util.concurrent.CompletableFuture;

/** A started execution: its live record, its end, and a way to cancel it. */
public final class ExecutionHandle {
    private final ExecutionRun run;

    ExecutionHandle(ExecutionRun run) {
        this.run = run;
    }

    public String id() {
        return run.ref().executionId();
    }

    public ExecutionRef ref() {
        return run.ref();
    }

    public ExecutionPlan plan() {
        return run.plan();
    }

    /** @return the record as it is now; cheap enough to poll, but it copies every node's record */
    public ExecutionRecord snapshot() {
        return run.snapshot();
    }

    /**
     * @return completes with the final record once every listener call of the run has been made;
     *     never completes exceptionally. Cancelling this future does not cancel the run.
     */
    public CompletableFuture<ExecutionRecord> completion() {
        return run.completion().thenApply(last -> last);
    }

    /** @return true when this call stopped the run, false when it had already ended or was stopping */
    public boolean cancel() {
        return run.cancel();
    }
}
