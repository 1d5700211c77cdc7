package io.gantry.rest.bundle.internal.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The problem types of the API and the HTTP status each answers with. The codes of
 * {@link io.gantry.engine.api.error.GantryException#code()} are the same strings, so a domain
 * exception finds its kind by its code.
 */
public enum ProblemKind {
    INVALID_JSON(400, "Malformed JSON"),
    BAD_REQUEST(400, "Bad request"),
    UNAUTHORIZED(401, "Unauthorized"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    DEVICE_NOT_CONNECTED(409, "Device not connected"),
    CANCELLED(409, "Execution cancelled"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    REQUEST_HEADER_FIELDS_TOO_LARGE(431, "Request header fields too large"),
    VALIDATION(422, "Validation failed"),
    CYCLE(422, "Pipeline has a cycle"),
    PLUGIN_REFUSED(422, "Plugin refused"),
    INTERNAL(500, "Internal error"),
    // the device is the upstream system the controller talks to: its failure is a bad gateway
    DEVICE_FAULT(502, "Device fault"),
    // generic kinds come before specific ones of the same status: ofStatus picks the first
    UNAVAILABLE(503, "Service unavailable"),
    PLUGIN_UNAVAILABLE(503, "Plugin unavailable"),
    TIMEOUT(504, "Timeout"),
    DEVICE_TIMEOUT(504, "Device timeout");

    private final int status;
    private final String title;

    ProblemKind(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** @return the code in {@code urn:gantry:problem:<code>}, e.g. {@code device-not-connected} */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the short summary */
    public String title() {
        return title;
    }

    /**
     * @param code a problem code such as {@code not-found}
     * @return the kind with that code
     */
    public static Optional<ProblemKind> ofCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code().equals(code)).findFirst();
    }

    /**
     * The kind for an HTTP status raised by Jersey itself (no route, wrong method, ...).
     *
     * @param status an HTTP status of 400 or more
     * @return the first kind with that status; INTERNAL for unknown 5xx, BAD_REQUEST for unknown 4xx
     */
    public static ProblemKind ofStatus(int status) {
        if (status == 400) {
            return BAD_REQUEST;
        }
        return Arrays.stream(values())
                .filter(kind -> kind.status == status)
                .findFirst()
                .orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
    }
}
