package io.gantry.rest.bundle.internal.problem;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems of a request body's fields, collected so that all of them are answered at once
 * (422 {@code validation}, one {@code errors[]} entry each) before any service is called. The
 * device and pipeline bodies check themselves with it.
 */
public final class FieldProblems {
    private final List<Problem> problems = new ArrayList<>();

    /**
     * A missing body is one problem at path {@code ""}: there are no fields to look at.
     *
     * @param body    the parsed body; null when the request had none
     * @param message what body is needed, e.g. {@code a device body is required}
     * @param <T>     the body's type
     * @return the body
     * @throws PipelineValidationException when there is none
     */
    public static <T> T requireBody(T body, String message) {
        if (body == null) {
            throw InvalidRequests.field("", "required", message);
        }
        return body;
    }

    /**
     * @param value the field's value
     * @param path  the field's path, e.g. {@code name} or {@code nodes[0].id}
     * @return this, for the next check
     */
    public FieldProblems requireText(String value, String path) {
        return value == null || value.isBlank() ? add(path, "required", path + " is required") : this;
    }

    /**
     * @param value the field's value
     * @param path  the field's path
     * @return this, for the next check
     */
    public FieldProblems require(Object value, String path) {
        return value == null ? add(path, "required", path + " is required") : this;
    }

    /**
     * @param path    the field's path
     * @param code    a machine-readable reason, e.g. {@code required}
     * @param message what is wrong
     * @return this, for the next check
     */
    public FieldProblems add(String path, String code, String message) {
        problems.add(new Problem(path, code, message));
        return this;
    }

    /** @return how many problems were found so far, to tell whether a part added any */
    public int count() {
        return problems.size();
    }

    /** @throws PipelineValidationException naming every problem, when there is one */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw InvalidRequests.fields(problems);
        }
    }
}
