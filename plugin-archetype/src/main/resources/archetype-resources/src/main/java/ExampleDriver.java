package ${package};

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import org.osgi.service.component.annotations.Component;

/**
 * Device type {@code ${deviceType}}. The controller creates one {@link ExampleDevice} per device an
 * engineer adds, with a config already checked against {@link #CONFIG_SCHEMA}; {@code create} must not
 * touch the hardware (connecting is the device's job).
 */
@Component(service = DeviceDriver.class)
public final class ExampleDriver implements DeviceDriver {
    /** What a device of this type is configured with: a JSON Schema of type object. */
    static final String CONFIG_SCHEMA = "{\"type\":\"object\",\"required\":[\"host\"],\"properties\":{"
            + "\"host\":{\"type\":\"string\",\"minLength\":1},"
            + "\"port\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535,\"default\":502}}}";

    @Override
    public DeviceTypeDescriptor descriptor() {
        return new DeviceTypeDescriptor("${deviceType}", "${artifactId} device", CONFIG_SCHEMA);
    }

    @Override
    public Device create(DeviceContext context) {
        return new ExampleDevice(context);
    }
}
