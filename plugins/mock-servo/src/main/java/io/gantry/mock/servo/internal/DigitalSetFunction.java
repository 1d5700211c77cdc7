package io.gantry.mock.servo.internal;

import io.gantry.engine.api.function.PipelineFunction;
import org.osgi.service.component.annotations.Component;

/** {@code input.set}. */
@Component(service = PipelineFunction.class)
public final class DigitalSetFunction extends InputFunction {
    public DigitalSetFunction() {
        super(InputKind.DIGITAL, true);
    }
}
