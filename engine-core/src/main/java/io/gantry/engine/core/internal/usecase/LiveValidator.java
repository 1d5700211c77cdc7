package io.gantry.engine.core.internal.usecase;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.execution.ExecutionPlan;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import io.gantry.engine.core.internal.validation.PipelineValidator;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Validates pipelines against the plugins and devices present right now. */
@Component(service = LiveValidator.class)
public final class LiveValidator {
    private final PipelineValidator validator;

    /**
     * @param registry live functions
     * @param devices  live devices
     * @param schemas  the params schema checker
     */
    @Activate
    public LiveValidator(@Reference PluginRegistry registry, @Reference DeviceManager devices,
            @Reference JsonSchemaChecker schemas) {
        this.validator = new PipelineValidator(
                id -> registry.liveFunction(id).map(f -> f.descriptor()), devices::typeOf, schemas);
    }

    /**
     * @param definition a pipeline
     * @return its compiled plan
     * @throws io.gantry.engine.api.error.PipelineValidationException listing every problem
     */
    public ExecutionPlan validate(PipelineDefinition definition) {
        return validator.validate(definition);
    }

    /** @return whether the pipeline validates now */
    public boolean isValid(PipelineDefinition definition) {
        try {
            validator.validate(definition);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
