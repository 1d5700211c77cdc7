package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.execution.ExecutionRecord;
import io.gantry.engine.api.execution.ExecutionStatus;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.service.ExecutionQuery;
import io.gantry.engine.api.service.ExecutionService;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.engine.api.storage.ExecutionRepository;
import io.gantry.engine.core.internal.validation.LiveValidator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Runs pipelines: load → validate against what is live now → start → record (the journal) → report. */
@Component(service = ExecutionService.class)
public final class ExecutionServiceImpl implements ExecutionService {
    private final PipelineService pipelines;
    private final LiveValidator validator;
    private final ExecutionRuntime runtime;
    private final ExecutionRepository executions;

    /**
     * @param pipelines  the stored pipelines
     * @param validator  checks against the live plugins and devices
     * @param runtime    the engine
     * @param executions the stored records
     */
    @Activate
    public ExecutionServiceImpl(
            @Reference PipelineService pipelines,
            @Reference LiveValidator validator,
            @Reference ExecutionRuntime runtime,
            @Reference ExecutionRepository executions) {
        this.pipelines = pipelines;
        this.validator = validator;
        this.runtime = runtime;
        this.executions = executions;
    }

    @Override
    public ExecutionRecord start(String pipelineId, Integer version, Map<String, Object> inputs, String startedBy) {
        PipelineVersion stored =
                version == null ? pipelines.latest(pipelineId) : pipelines.version(pipelineId, version);
        return runtime.start(validator.planOf(stored), stored.version(), inputs, startedBy);
    }

    /** Inline pipelines have no version to key a cached plan by: validated every time. */
    @Override
    public ExecutionRecord startInline(PipelineDefinition definition, Map<String, Object> inputs, String startedBy) {
        return runtime.start(validator.validate(definition), 0, inputs, startedBy);
    }

    @Override
    public ExecutionRecord get(String executionId) {
        return runtime.live(executionId)
                .orElseGet(() -> executions
                        .find(executionId)
                        .orElseThrow(() -> new NotFoundException("execution '" + executionId + "' does not exist")));
    }

    @Override
    public ExecutionRecord await(String executionId, Duration timeout) {
        // looked up once: a run that ends between two looks is forgotten by the second
        Optional<CompletableFuture<ExecutionRecord>> end = runtime.storedEnd(executionId);
        return end.isPresent() ? runtime.awaitStoredEnd(executionId, end.get(), timeout) : get(executionId);
    }

    @Override
    public List<ExecutionRecord> list(ExecutionQuery query) {
        // a stored RUNNING record lags behind the run; show the live one instead
        return executions.list(query).stream()
                .map(record -> record.status() == ExecutionStatus.RUNNING
                        ? runtime.live(record.id()).orElse(record)
                        : record)
                .toList();
    }

    @Override
    public ExecutionRecord cancel(String executionId) {
        if (!runtime.cancel(executionId)) {
            ExecutionRecord record = get(executionId);
            if (record.status().isFinal()) {
                throw new ConflictException("execution '" + executionId + "' already ended " + record.status());
            }
        }
        return get(executionId);
    }
}
