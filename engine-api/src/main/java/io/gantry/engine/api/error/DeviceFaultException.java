package io.gantry.engine.api.error;

/** The device reported a fault or did not answer as expected; a retry may succeed. */
public class DeviceFaultException extends DeviceException {
    private static final long serialVersionUID = 1L;
    private static final String CODE = "device-fault";

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     */
    public DeviceFaultException(String deviceId, String message) {
        super(deviceId, CODE, message, null);
    }

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure
     */
    public DeviceFaultException(String deviceId, String message, Throwable cause) {
        super(deviceId, CODE, message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
