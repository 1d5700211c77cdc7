package io.gantry.rest.bundle.internal.problem;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import java.util.List;

/**
 * Builds the validation exception for a request the resources reject before any service call
 * (bad query parameter, missing body field). It is answered like a service-side validation
 * failure: 422 {@code validation} with {@code errors[].path}.
 */
public final class InvalidRequests {
    private InvalidRequests() {}

    /**
     * @param path    the field or parameter, e.g. {@code nodes[0].id} or {@code limit}
     * @param code    a machine-readable reason, e.g. {@code required}
     * @param message what is wrong
     * @return the exception to throw
     */
    public static PipelineValidationException field(String path, String code, String message) {
        return new PipelineValidationException(List.of(new Problem(path, code, message)));
    }

    /**
     * @param problems every problem found, at least one
     * @return the exception to throw
     */
    public static PipelineValidationException fields(List<Problem> problems) {
        return new PipelineValidationException(problems);
    }
}
