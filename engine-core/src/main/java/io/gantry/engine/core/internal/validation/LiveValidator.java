package io.gantry.engine.core.internal.validation;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.storage.PipelineRepository;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.plan.BuiltinFunctions;
import io.gantry.engine.core.internal.plan.ExecutionPlan;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Validates pipelines against the plugins and devices present right now, and keeps the compiled plan
 * of each stored version for its next run (see {@link PlanCache}).
 */
@Component(service = LiveValidator.class)
public final class LiveValidator {
    private final PipelineValidator validator;
    private final PluginRegistry registry;
    private final PlanCache plans;
    private final Runnable dropStalePlans;

    /**
     * @param registry live functions
     * @param devices  live devices
     * @param schemas   the params schema checker
     * @param pipelines the stored pipelines, for {@code core.call}
     */
    @Activate
    public LiveValidator(
            @Reference PluginRegistry registry,
            @Reference DeviceManager devices,
            @Reference JsonSchemaChecker schemas,
            @Reference PipelineRepository pipelines) {
        Function<String, Optional<FunctionDescriptor>> functions = id -> BuiltinFunctions.isBuiltIn(id)
                ? Optional.of(BuiltinFunctions.DESCRIPTORS.get(id))
                : registry.liveFunction(id).map(f -> f.descriptor());
        this.validator = new PipelineValidator(
                functions,
                devices::typeOf,
                schemas,
                target -> target.version() == null
                        ? pipelines.latest(target.pipelineId())
                        : pipelines.version(target.pipelineId(), target.version()));
        this.registry = registry;
        this.plans = new PlanCache(functions, devices::typeOf, validator::validate);
        this.dropStalePlans = plans::dropStale;
        registry.onChange(dropStalePlans);
    }

    @Deactivate
    void stop() {
        registry.removeOnChange(dropStalePlans);
    }

    /**
     * @param stored a stored pipeline version
     * @return its compiled plan, reused from an earlier run while its functions and devices are unchanged
     * @throws io.gantry.engine.api.error.PipelineValidationException listing every problem
     */
    public ExecutionPlan planOf(PipelineVersion stored) {
        return plans.planOf(stored);
    }

    /** @return counters of the plan cache, for metrics */
    public PlanCacheStats planCacheStats() {
        return new PlanCacheStats(plans.hits(), plans.misses(), plans.invalidations(), plans.size());
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
