package io.gantry.core.functions.internal;

import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import io.gantry.engine.api.function.PortDescriptor;
import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/**
 * {@code core.threshold}: whether {@code value} lies within {@code [min, max]}, both ends included;
 * a missing bound is no bound.
 */
@Component(service = PipelineFunction.class)
public final class ThresholdFunction extends CoreFunction {
    private static final String PARAMS_SCHEMA = ParamsSchema.of("""
                "min": {"type": "number", "description": "Lowest value in range, included"},
                "max": {"type": "number", "description": "Highest value in range, included"},
                "value": {"type": "number"}
                """);

    /** Describes the function; it has no state of its own. */
    public ThresholdFunction() {
        super(
                "core.threshold",
                "Threshold",
                List.of(PortDescriptor.required("value", PortType.NUMBER)),
                List.of(PortDescriptor.output("inRange", PortType.BOOLEAN)),
                PARAMS_SCHEMA);
    }

    @Override
    CompletionStage<Map<String, Object>> call(Invocation invocation) {
        double value = invocation.number("value");
        Number min = optionalNumber(invocation.params(), "min");
        Number max = optionalNumber(invocation.params(), "max");
        if (min != null && max != null && min.doubleValue() > max.doubleValue()) {
            // Would make every value out of range: almost certainly swapped bounds, so say so.
            throw new IllegalArgumentException("param 'min' " + min + " is above 'max' " + max);
        }
        boolean inRange = (min == null || value >= min.doubleValue()) && (max == null || value <= max.doubleValue());
        return output("inRange", inRange);
    }
}
