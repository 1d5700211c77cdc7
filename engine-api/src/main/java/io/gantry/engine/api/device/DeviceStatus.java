package io.gantry.engine.api.device;

/** The state of a device instance as the controller reports it. */
public enum DeviceStatus {
    /** Created or disconnected on request; commands are refused. */
    DISCONNECTED,
    /** A connect is in progress. */
    CONNECTING,
    /** Connected and accepting commands. */
    CONNECTED,
    /** The device reported a fault or its connect failed; see the device's last error. */
    FAULT,
    /** The plugin that drives this device type is not installed right now; the instance is kept. */
    UNAVAILABLE
}
