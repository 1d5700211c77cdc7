package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code analog.read}. */
@Component(service = PipelineFunction.class)
public final class AnalogReadFunction extends InputFunction {
    public AnalogReadFunction() {
        super(InputKind.ANALOG, false);
    }
}
