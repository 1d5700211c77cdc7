package io.gantry.engine.api.error;

/** Trouble with one device instance; {@link #deviceId()} says which. */
public abstract class DeviceException extends CodedException {
    private static final long serialVersionUID = 1L;
    private final String deviceId;

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure, or null
     *     (for subclasses that override {@link #code()} themselves; others pass the code to the constructor below)
     */
    protected DeviceException(String deviceId, String message, Throwable cause) {
        this(deviceId, null, message, cause);
    }

    /**
     * @param deviceId the device instance concerned
     * @param code     the problem kind, such as {@code device-fault}
     * @param message  what went wrong
     * @param cause    the underlying failure, or null
     * @since 1.1
     */
    protected DeviceException(String deviceId, String code, String message, Throwable cause) {
        super(code, message, cause);
        this.deviceId = deviceId;
    }

    /** @return the id of the device instance concerned */
    public String deviceId() {
        return deviceId;
    }
}
