package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/** {@code servo.get_position}: reads where the axis stands. */
@Component(service = PipelineFunction.class)
public final class ServoGetPositionFunction extends ServoFunction<Double> {

    /** Describes the function; it has no state of its own. */
    public ServoGetPositionFunction() {
        super("servo.get_position", "Read the servo position", List.of(), List.of(POSITION_OUTPUT),
                FunctionDescriptor.NO_PARAMS);
    }

    @Override
    CompletionStage<Double> start(MockServo servo, Invocation invocation) {
        return servo.position();
    }

    @Override
    Map<String, Object> outputs(Double position) {
        return Map.of("position", position);
    }
}
