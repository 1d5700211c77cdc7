package io.gantry.modbus.tcp.internal;

import io.gantry.engine.api.error.DeviceException;

/** A request the device refused (a Modbus exception), or a value that cannot be written to it. */
final class ModbusDeviceException extends DeviceException {
    private static final long serialVersionUID = 1L;
    /** The code of a Modbus exception answer. */
    static final String REFUSED = "modbus-exception";
    /** The code of a value that does not fit its register (the controller's code for bad input). */
    static final String INVALID_VALUE = "validation";

    private final boolean retryable;

    private ModbusDeviceException(String deviceId, String code, String message, boolean retryable) {
        super(deviceId, code, message, null);
        this.retryable = retryable;
    }

    /**
     * @param deviceId the device
     * @param what     what was asked: {@code read of holding registers 40-41}
     * @param reply    the device's answer
     * @return the exception; retryable only for the exceptions that say "later" (busy, acknowledge, a
     *     gateway's target not answering)
     */
    static ModbusDeviceException refused(String deviceId, String what, ExceptionReply reply) {
        return new ModbusDeviceException(
                deviceId,
                REFUSED,
                "device '" + deviceId + "' refused the " + what + ": " + reply.getMessage(),
                reply.isTransient());
    }

    /**
     * @param deviceId the device
     * @param problem  what does not fit, naming the signal or register and the range
     * @return the exception, not retryable
     */
    static ModbusDeviceException invalidValue(String deviceId, String problem) {
        return new ModbusDeviceException(deviceId, INVALID_VALUE, "device '" + deviceId + "': " + problem, false);
    }

    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
