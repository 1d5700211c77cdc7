package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code input.read}. */
@Component(service = PipelineFunction.class)
public final class DigitalReadFunction extends InputFunction {
    public DigitalReadFunction() {
        super(InputKind.DIGITAL, false);
    }
}
