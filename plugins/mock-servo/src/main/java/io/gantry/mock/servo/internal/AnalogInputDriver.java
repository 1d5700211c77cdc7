package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.DeviceDriver;
import org.osgi.service.component.annotations.Component;

/** Device type {@code mock-analog-input}: a scale whose value is set by a function. */
@Component(service = DeviceDriver.class)
public final class AnalogInputDriver extends SimulatedInputDriver {
    public AnalogInputDriver() {
        super(InputKind.ANALOG);
    }
}
