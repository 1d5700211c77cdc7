package com.acme.belt;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Device type {@code acme-belt}: a conveyor belt on a serial-over-TCP controller. */
public class BeltDriver implements DeviceDriver {
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"connectMs\":{\"type\":\"integer\",\"minimum\":0},\"hang\":{\"type\":\"boolean\"},"
            + "\"failConnect\":{\"type\":\"string\"}}}";

    /**
     * Called by Declarative Services. Opening the belt controller takes a while on some builds, and a
     * misconfigured build cannot reach it at all.
     */
    protected void activate(Map<String, Object> properties) throws InterruptedException {
        Object opening = properties.get("acme.activateMs");
        if (opening != null) {
            Thread.sleep(Long.parseLong(String.valueOf(opening)));
        }
        Object failure = properties.get("acme.fail");
        if (failure != null) {
            throw new IllegalStateException("belt driver init", new UncheckedIOException(new IOException(String.valueOf(failure))));
        }
    }

    @Override
    public DeviceTypeDescriptor descriptor() {
        return new DeviceTypeDescriptor("acme-belt", "ACME conveyor belt", SCHEMA);
    }

    @Override
    public Device create(DeviceContext context) {
        return new BeltDevice(context.config());
    }
}
