package io.gantry.opcua.internal;

import io.gantry.engine.api.error.DeviceException;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * The server refused a request with an OPC UA status code: the message names what was asked and the
 * status's name and code, {@code device 'cell' could not read ns=1;s=Missing: Bad_NodeIdUnknown (0x80340000)}.
 */
final class OpcUaStatusException extends DeviceException {
    private static final long serialVersionUID = 1L;
    /** Its code: the REST problem type {@code urn:gantry:problem:opcua-status}. */
    static final String CODE = "opcua-status";

    private final long statusCode;
    private final String statusName;

    /**
     * @param deviceId the device
     * @param message  what was asked and what the server said, naming the status
     * @param status   the server's status
     * @param cause    Milo's exception, or null
     */
    OpcUaStatusException(String deviceId, String message, StatusCode status, Throwable cause) {
        super(deviceId, CODE, message, cause);
        this.statusCode = status.getValue();
        this.statusName = Status.name(status);
    }

    /**
     * @param deviceId the device
     * @param what     what was asked: {@code could not read ns=1;s=Missing}
     * @param status   the server's answer
     * @return the exception: {@code device 'cell' could not read ns=1;s=Missing: Bad_NodeIdUnknown (0x80340000)}
     */
    static OpcUaStatusException of(String deviceId, String what, StatusCode status) {
        return new OpcUaStatusException(
                deviceId, "device '" + deviceId + "' " + what + ": " + Status.describe(status), status, null);
    }

    /** @return the status code's name: {@code Bad_NodeIdUnknown} */
    String statusName() {
        return statusName;
    }

    /** @return the status code: {@code 0x80340000L} */
    long statusCode() {
        return statusCode;
    }

    /** Only the server's "too busy, later" answers are worth a retry; a refusal stays a refusal. */
    @Override
    public boolean isRetryable() {
        long code = statusCode & 0xFFFF0000L;
        return code == StatusCodes.Bad_TooManyOperations || code == StatusCodes.Bad_ResourceUnavailable;
    }
}
