package io.gantry.engine.api.error;

/** Trouble with one device instance; {@link #deviceId()} says which. */
public abstract class DeviceException extends GantryException {
    private static final long serialVersionUID = 1L;
    private final String deviceId;

    /**
     * @param deviceId the device instance concerned
     * @param message  what went wrong
     * @param cause    the underlying failure, or null
     */
    protected DeviceException(String deviceId, String message, Throwable cause) {
        super(message, cause);
        this.deviceId = deviceId;
    }

    /** @return the id of the device instance concerned */
    public String deviceId() {
        return deviceId;
    }
}
