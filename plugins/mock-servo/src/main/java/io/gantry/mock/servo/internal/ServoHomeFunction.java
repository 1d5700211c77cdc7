package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code servo.home}: moves the axis to its home position at full speed. */
@Component(service = PipelineFunction.class)
public final class ServoHomeFunction extends PositionFunction {

    /** Describes the function; it has no state of its own. */
    public ServoHomeFunction() {
        super("servo.home", "Home the servo axis", MockServo::home);
    }
}
