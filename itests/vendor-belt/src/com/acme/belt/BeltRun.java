package com.acme.belt;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code belt.run}: runs the belt one index step and answers the driver's build. */
public class BeltRun implements PipelineFunction {
    private String build = "?";

    /** Called by Declarative Services with the component's properties. */
    protected void activate(Map<String, Object> properties) {
        build = String.valueOf(properties.getOrDefault("acme.build", "?"));
    }

    @Override
    public FunctionDescriptor descriptor() {
        return new FunctionDescriptor("belt.run", "Run one index step", "acme-belt", List.of(),
                List.of(PortDescriptor.output("build", PortType.STRING)), null, 5_000);
    }

    @Override
    public CompletionStage<Map<String, Object>> invoke(Invocation invocation) {
        return CompletableFuture.completedFuture(Map.of("build", build));
    }
}
