package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.DeviceDriver;
import org.osgi.service.component.annotations.Component;

/** Device type {@code mock-digital-input}: a part-present sensor whose value is set by a function. */
@Component(service = DeviceDriver.class)
public final class DigitalInputDriver extends SimulatedInputDriver {
    public DigitalInputDriver() {
        super(InputKind.DIGITAL);
    }
}
