package io.gantry.engine.api.service;

import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalQuality;
import java.time.Instant;
import java.util.Objects;

/**
 * A device's signal as the controller knows it now: what it is and its last reading.
 *
 * @param name      its name, unique in the device
 * @param type      the type of its value
 * @param unit      its engineering unit; null when it has none
 * @param access    read, write or read-write
 * @param pollMs    its poll interval in ms; 0 when pushed by the device (or write-only)
 * @param value     the last value read; null when none was read yet (or it is write-only)
 * @param quality   GOOD, UNCERTAIN, BAD or STALE
 * @param timestamp when the value was read; null when none was
 * @param error     why it is BAD (a failed read naming the register, the device not connected); null otherwise
 */
public record SignalInfo(
        String name,
        PortType type,
        String unit,
        SignalAccess access,
        long pollMs,
        Object value,
        SignalQuality quality,
        Instant timestamp,
        String error) {
    /** Checks that what is always known is present. */
    public SignalInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(quality, "quality");
    }
}
