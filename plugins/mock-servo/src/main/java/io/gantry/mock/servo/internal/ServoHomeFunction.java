package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.FunctionDescriptor;
import io.gantry.engine.api.function.Invocation;
import io.gantry.engine.api.function.PipelineFunction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Component;

/** {@code servo.home}: moves the axis to its home position at full speed. */
@Component(service = PipelineFunction.class)
public final class ServoHomeFunction extends ServoFunction<MoveResult> {

    /** Describes the function; it has no state of its own. */
    public ServoHomeFunction() {
        super("servo.home", "Home the servo axis", List.of(), List.of(POSITION_OUTPUT),
                FunctionDescriptor.NO_PARAMS);
    }

    @Override
    CompletionStage<MoveResult> start(MockServo servo, Invocation invocation) {
        return servo.home();
    }

    @Override
    Map<String, Object> outputs(MoveResult result) {
        return Map.of("position", result.position());
    }
}
