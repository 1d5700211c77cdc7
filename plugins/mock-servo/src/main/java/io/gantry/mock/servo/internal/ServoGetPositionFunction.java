package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code servo.get_position}: reads where the axis stands. */
@Component(service = PipelineFunction.class)
public final class ServoGetPositionFunction extends PositionFunction {

    /** Describes the function; it has no state of its own. */
    public ServoGetPositionFunction() {
        super("servo.get_position", "Read the servo position", MockServo::position);
    }
}
