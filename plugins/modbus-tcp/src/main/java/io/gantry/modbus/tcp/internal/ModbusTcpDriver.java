package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver of device type {@value #TYPE_ID}. Each device owns its connection and its worker thread;
 * the driver closes the devices still alive when the bundle stops, so no socket or thread outlives it.
 */
@Component(service = DeviceDriver.class)
public final class ModbusTcpDriver implements DeviceDriver {
    /** The device type id that the Modbus functions name as their {@code deviceType}. */
    public static final String TYPE_ID = "modbus-tcp";

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpDriver.class);
    // No signals of its own: every signal comes from an instance's config.
    private static final DeviceTypeDescriptor DESCRIPTOR =
            new DeviceTypeDescriptor(TYPE_ID, "Modbus TCP device", ModbusTcpConfig.SCHEMA, List.of());

    private final Set<ModbusTcpDevice> devices = ConcurrentHashMap.newKeySet();

    /** Has nothing to start: devices connect on their own. */
    @Activate
    public ModbusTcpDriver() {}

    /** Closes the devices still alive: their connections, their threads and their pending requests. */
    @Deactivate
    public void deactivate() {
        List.copyOf(devices).forEach(ModbusTcpDevice::close);
        LOG.info("modbus-tcp driver stopped");
    }

    @Override
    public DeviceTypeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Device create(DeviceContext context) {
        ModbusTcpConfig config = ModbusTcpConfig.from(context.deviceId(), context.config());
        ModbusTcpDevice device = new ModbusTcpDevice(context, config, devices::remove);
        devices.add(device);
        LOG.debug(
                "created modbus-tcp device '{}' for {} with {} signals",
                context.deviceId(),
                config.endpoint(),
                config.signals().size());
        return device;
    }
}
