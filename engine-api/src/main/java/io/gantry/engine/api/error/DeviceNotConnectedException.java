package io.gantry.engine.api.error;

/** A command was sent to a device that is not connected. */
public class DeviceNotConnectedException extends DeviceException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "device-not-connected";

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     */
    public DeviceNotConnectedException(String deviceId, String message) {
        super(deviceId, CODE, message, null);
    }

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure
     */
    public DeviceNotConnectedException(String deviceId, String message, Throwable cause) {
        super(deviceId, CODE, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
