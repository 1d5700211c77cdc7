package io.gantry.engine.api.error;

import java.util.Objects;

/**
 * One problem found in a pipeline, a config or a request.
 *
 * @param path    where, as a JSON path into the submitted document (for example {@code nodes[3].params.speed})
 * @param code    the kind of problem (for example {@code unknown-function}, {@code type-mismatch}, {@code cycle})
 * @param message what is wrong, in words an engineer can act on
 */
public record Problem(String path, String code, String message) {
    /** Checks that every component is present. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
