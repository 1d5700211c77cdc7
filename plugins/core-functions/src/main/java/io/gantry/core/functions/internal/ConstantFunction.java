package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/** {@code core.constant}: outputs the JSON value of its {@code value} param. */
@Component(service = PipelineFunction.class)
public final class ConstantFunction extends CoreFunction {
    private static final String PARAMS_SCHEMA = ParamsSchema.of("""
                "value": {"description": "Any JSON value, null included"}
                """, "value");

    /** Describes the function; it has no state of its own. */
    public ConstantFunction() {
        super(
                "core.constant",
                "Constant",
                List.of(),
                List.of(PortDescriptor.output("value", PortType.JSON)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> call(Invocation invocation) {
        if (!invocation.params().containsKey("value")) {
            throw new IllegalArgumentException("param 'value' is missing");
        }
        return output("value", invocation.params().get("value"));
    }
}
