package io.gantry.rest.bundle.internal.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The body of every 4xx/5xx answer, {@code application/problem+json} per RFC 9457, with the
 * Gantry extension members {@code errors}, {@code errorId}, {@code deviceId} and {@code cycle}.
 *
 * @param type     {@code urn:gantry:problem:<code>}
 * @param title    a short summary of the problem type
 * @param status   the HTTP status
 * @param detail   what went wrong in this occurrence
 * @param instance {@code urn:uuid:<errorId>} for internal errors, else absent
 * @param errors   one entry per invalid field, else absent
 * @param errorId  the id under which an internal error was logged, else absent
 * @param deviceId the device a device problem is about, else absent
 * @param cycle    the node ids of a cycle, first repeated at the end, else absent
 * @param retryAfterSeconds how long to wait before trying again (a refused login), else absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDocument(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        String errorId,
        String deviceId,
        List<String> cycle,
        Long retryAfterSeconds) {

    /** The media type of problem documents. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The prefix of every problem type. */
    public static final String TYPE_PREFIX = "urn:gantry:problem:";

    /**
     * @param kind   the problem kind
     * @param detail what went wrong
     * @return a document with no extension members
     */
    public static ProblemDocument of(ProblemKind kind, String detail) {
        return new ProblemDocument(
                TYPE_PREFIX + kind.code(), kind.title(), kind.status(), detail, null, null, null, null, null, null);
    }

    /**
     * @param status an HTTP status of 400 or more, raised by Jersey or Jetty rather than by Gantry
     * @param detail what went wrong; null or blank for the status's title
     * @return a document of the kind that status has, with the status itself
     */
    public static ProblemDocument ofStatus(int status, String detail) {
        ProblemKind kind = ProblemKind.ofStatus(status);
        String text = detail == null || detail.isBlank() ? kind.title() : detail;
        return new ProblemDocument(
                TYPE_PREFIX + kind.code(), kind.title(), status, text, null, null, null, null, null, null);
    }

    /**
     * @param newErrors the field errors
     * @return this document with {@code errors}
     */
    public ProblemDocument withErrors(List<FieldError> newErrors) {
        return new ProblemDocument(
                type,
                title,
                status,
                detail,
                instance,
                List.copyOf(newErrors),
                errorId,
                deviceId,
                cycle,
                retryAfterSeconds);
    }

    /**
     * @param id the id the error was logged under
     * @return this document with {@code errorId} and {@code instance}
     */
    public ProblemDocument withErrorId(String id) {
        return new ProblemDocument(
                type, title, status, detail, "urn:uuid:" + id, errors, id, deviceId, cycle, retryAfterSeconds);
    }

    /**
     * @param id the device's id
     * @return this document with {@code deviceId}
     */
    public ProblemDocument withDeviceId(String id) {
        return new ProblemDocument(
                type, title, status, detail, instance, errors, errorId, id, cycle, retryAfterSeconds);
    }

    /**
     * @param nodeIds the cycle's node ids
     * @return this document with {@code cycle}
     */
    public ProblemDocument withCycle(List<String> nodeIds) {
        return new ProblemDocument(
                type,
                title,
                status,
                detail,
                instance,
                errors,
                errorId,
                deviceId,
                List.copyOf(nodeIds),
                retryAfterSeconds);
    }

    /**
     * @param seconds how long the caller should wait before trying again
     * @return this document with {@code retryAfterSeconds}
     */
    public ProblemDocument withRetryAfter(long seconds) {
        return new ProblemDocument(type, title, status, detail, instance, errors, errorId, deviceId, cycle, seconds);
    }

    /**
     * One invalid field.
     *
     * @param path    where, e.g. {@code nodes[2].function}; empty for the whole body
     * @param message what is wrong with it
     * @param code    a machine-readable reason, e.g. {@code required}
     */
    public record FieldError(String path, String message, String code) {}
}
