package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.util.List;

/** The driver of one kind of simulated input; it needs no threads, so there is nothing to stop. */
abstract class SimulatedInputDriver implements DeviceDriver {
    private final InputKind kind;
    private final DeviceTypeDescriptor descriptor;

    SimulatedInputDriver(InputKind kind) {
        this.kind = kind;
        this.descriptor = new DeviceTypeDescriptor(
                kind.typeId(), kind.typeName(), kind.configSchema(), List.of(kind.signal(null)));
    }

    @Override
    public final DeviceTypeDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public final Device create(DeviceContext context) {
        Object unit = context.config().get("unit");
        return new SimulatedInput(
                context.deviceId(),
                kind.initialValue(context.deviceId(), context.config()),
                kind.signal(unit instanceof String text ? text : null));
    }
}
