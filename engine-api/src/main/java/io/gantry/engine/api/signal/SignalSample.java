package io.gantry.engine.api.signal;

import java.time.Instant;
import java.util.Objects;

/**
 * One reading of a signal: what a device answers to a read, or pushes.
 *
 * @param value     the value, JSON-like as a port's ({@link Boolean}, {@link Number}, {@link String},
 *                  …); null when there is none (a BAD reading)
 * @param quality   how far it can be trusted
 * @param timestamp when it was read (or, for a pushed value, when the device says it changed)
 * @param error     for a BAD reading, what went wrong (naming the register or node); null otherwise
 */
public record SignalSample(Object value, SignalQuality quality, Instant timestamp, String error) {
    /** Checks that quality and timestamp are present. */
    public SignalSample {
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /**
     * @param value     the value read
     * @param timestamp when
     * @return a GOOD reading
     */
    public static SignalSample good(Object value, Instant timestamp) {
        return new SignalSample(value, SignalQuality.GOOD, timestamp, null);
    }

    /**
     * @param error     what went wrong
     * @param timestamp when
     * @return a BAD reading without a value
     */
    public static SignalSample bad(String error, Instant timestamp) {
        return new SignalSample(null, SignalQuality.BAD, timestamp, error);
    }
}
