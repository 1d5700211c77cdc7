package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.rest.bundle.internal.problem.InvalidRequests;
import java.util.regex.Pattern;

/**
 * The one rule for ids of devices, pipelines and executions: 1 to 64 of {@code A-Z a-z 0-9 . _ -},
 * not starting with a dot. Ids that break it never reach a service: in a path they answer 404
 * (no such resource can exist), in a body 422.
 */
final class PathIds {
    private static final Pattern ID = Pattern.compile("(?!\\.)[A-Za-z0-9._-]{1,64}");
    static final String RULE = "an id is 1 to 64 letters, digits, '.', '_' or '-' and does not start with '.'";

    private PathIds() {}

    static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * @param id   an id taken from the request path
     * @param what what it names, e.g. {@code pipeline}
     * @return the id
     * @throws NotFoundException when it breaks the rule
     */
    static String require(String id, String what) {
        if (!isValid(id)) {
            throw new NotFoundException("no " + what + " '" + shortened(id) + "': " + RULE);
        }
        return id;
    }

    /**
     * @param id   an id from a request body; null when absent
     * @param path where in the body, for the error
     * @return the id
     * @throws io.gantry.engine.api.error.PipelineValidationException when given and breaking the rule
     */
    static String requireInBody(String id, String path) {
        if (id != null && !isValid(id)) {
            throw InvalidRequests.field(path, "invalid-id", "'" + shortened(id) + "' is not a valid id: " + RULE);
        }
        return id;
    }

    private static String shortened(String id) {
        // never echo an unbounded amount of client input into an answer or a log
        return id == null || id.length() <= 80 ? id : id.substring(0, 80) + "...";
    }
}
