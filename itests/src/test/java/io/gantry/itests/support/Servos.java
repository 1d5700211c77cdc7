package io.gantry.itests.support;

import static org.junit.Assert.assertEquals;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import java.util.HashMap;
import java.util.Map;

/** Mock servos for fault tests: travel 0..1,000 at a speed that makes moves take ~0 ms, connected. */
public final class Servos {
    private Servos() {}

    /**
     * @param devices the device service
     * @param name    the device's name
     * @param faults  mock-servo fault settings (failureRate, hang, extraLatencyMs, seed…)
     * @return the id of the new, connected device
     */
    public static String connected(DeviceService devices, String name, Map<String, Object> faults) {
        Map<String, Object> config =
                new HashMap<>(Map.of("minPosition", 0, "maxPosition", 1_000, "maxSpeed", 1_000_000_000));
        config.putAll(faults);
        String id =
                devices.create(new DeviceSpec(null, "mock-servo", name, config)).id();
        assertEquals(DeviceStatus.CONNECTED, devices.connect(id).status());
        return id;
    }
}
