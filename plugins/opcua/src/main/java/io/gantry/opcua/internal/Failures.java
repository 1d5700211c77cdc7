package io.gantry.opcua.internal;

import io.gantry.engine.api.error.DeviceFaultException;
import io.gantry.engine.api.error.DeviceTimeoutException;
import io.gantry.engine.api.error.GantryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/**
 * Turns what a Milo request failed with into the controller's exceptions: a status the server answered
 * with into an {@link OpcUaStatusException}; no answer in time into a (retryable) {@link DeviceTimeoutException};
 * a dropped link or a closed session into a (retryable) {@link DeviceFaultException}.
 */
final class Failures {
    private Failures() {}

    /**
     * @param deviceId the device
     * @param what     what was asked, as the message continues {@code device 'x' …}: {@code could not read ns=1;s=A}
     * @param failure  what the request's stage failed with
     * @return the exception to fail the caller's stage with
     */
    static GantryException of(String deviceId, String what, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof GantryException known) {
            return known;
        }
        if (cause instanceof TimeoutException) {
            return new DeviceTimeoutException(
                    deviceId, "device '" + deviceId + "' " + what + ": no answer in time", cause);
        }
        StatusCode status = UaException.extractStatusCode(cause).orElse(null);
        if (status == null) {
            return new DeviceFaultException(deviceId, "device '" + deviceId + "' " + what + ": " + cause, cause);
        }
        String message = "device '" + deviceId + "' " + what + ": " + Status.describe(status) + detail(cause, status);
        if (Status.isTimeout(status)) {
            return new DeviceTimeoutException(deviceId, message, cause);
        }
        if (Status.isLink(status)) {
            return new DeviceFaultException(deviceId, message, cause);
        }
        return new OpcUaStatusException(deviceId, message, status, cause);
    }

    /** @return the failure under the futures' wrappers */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** @return Milo's own words after the status, when it has any beyond the status's name */
    private static String detail(Throwable cause, StatusCode status) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return "";
        }
        // UaException's message repeats the status as "status=Bad_X, message=…"; keep only what it adds
        String name = Status.name(status);
        String text = message.replace("status=" + name + ", description=", "")
                .replace("status=" + name + ", message=", "")
                .trim();
        return text.equals(name) || text.isEmpty() ? "" : ": " + text;
    }
}
