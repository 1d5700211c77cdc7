package io.gantry.engine.api.signal;

import java.util.Locale;

/** What may be done with a signal. */
public enum SignalAccess {
    /** Read (polled or pushed) only: an input, a measured position. */
    READ,
    /** Written only: a command register whose read-back means nothing. */
    WRITE,
    /** Read and written: a setpoint. */
    READ_WRITE;

    /** @return whether the signal has a value to read */
    public boolean readable() {
        return this != WRITE;
    }

    /** @return whether the signal may be written */
    public boolean writable() {
        return this != READ;
    }

    /** @return the name used in the REST API and configs: {@code read}, {@code write}, {@code read-write} */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param id {@code read}, {@code write} or {@code read-write}
     * @return the access
     * @throws IllegalArgumentException for any other name
     */
    public static SignalAccess fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
