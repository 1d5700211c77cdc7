package io.gantry.engine.api.error;

/** The device did not complete a command before its deadline. */
public class DeviceTimeoutException extends DeviceException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "device-timeout";

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     */
    public DeviceTimeoutException(String deviceId, String message) {
        super(deviceId, CODE, message, null);
    }

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure
     */
    public DeviceTimeoutException(String deviceId, String message, Throwable cause) {
        super(deviceId, CODE, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
