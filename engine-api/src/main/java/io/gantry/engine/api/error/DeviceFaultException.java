package io.gantry.engine.api.error;

/** The device reported a fault or did not answer as expected; a retry may succeed. */
public class DeviceFaultException extends DeviceException {
    private static final long serialVersionUID = 1L;

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     */
    public DeviceFaultException(String deviceId, String message) {
        super(deviceId, message, null);
    }

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure
     */
    public DeviceFaultException(String deviceId, String message, Throwable cause) {
        super(deviceId, message, cause);
    }

    @Override
    public String code() {
        return "device-fault";
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
