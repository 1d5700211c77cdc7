package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.storage.InterruptedRuns;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Publishes {@code gantry/pipeline/FAILED} for each run a previous process left RUNNING, with the
 * same properties as a run that failed live, so the run's story ends for everyone who followed it
 * (its events before the restart are in the event log, and this one follows them in the new epoch).
 */
@Component(service = InterruptedRunsAnnouncer.class, immediate = true)
public final class InterruptedRunsAnnouncer {
    /**
     * @param runs   the runs the database ended at this start
     * @param events the bus
     */
    @Activate
    public InterruptedRunsAnnouncer(@Reference InterruptedRuns runs, @Reference EventPublisher events) {
        EventingListener listener = new EventingListener(events);
        for (ExecutionRecord run : runs.takeEndedAtStart()) {
            listener.pipelineEnded(
                    new ExecutionRef(
                            run.id(),
                            run.pipelineId(),
                            run.pipelineVersion(),
                            run.startedBy(),
                            run.inputs(),
                            run.parentExecutionId(),
                            run.parentNodeId(),
                            run.parentExecutionId() == null ? 0 : 1),
                    run);
        }
    }
}
