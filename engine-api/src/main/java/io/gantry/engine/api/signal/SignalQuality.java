package io.gantry.engine.api.signal;

/** How far a signal's value can be trusted, after OPC UA's status code classes. */
public enum SignalQuality {
    /** Read, or pushed, successfully and recently. */
    GOOD,
    /** The device answered but says the value may be off (OPC UA's Uncertain). */
    UNCERTAIN,
    /** The last read failed, or the device is not connected: the value is the last one known, if any. */
    BAD,
    /** No fresh value in three poll intervals: the value is the last one known. */
    STALE
}
