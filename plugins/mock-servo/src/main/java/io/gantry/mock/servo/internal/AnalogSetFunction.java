package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code analog.set}. */
@Component(service = PipelineFunction.class)
public final class AnalogSetFunction extends InputFunction {
    public AnalogSetFunction() {
        super(InputKind.ANALOG, true);
    }
}
