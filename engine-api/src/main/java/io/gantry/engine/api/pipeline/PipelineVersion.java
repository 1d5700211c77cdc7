package io.gantry.engine.api.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored, immutable version of a pipeline.
 *
 * @param id         the pipeline's id
 * @param version    1 for the first save, then 2, 3, ...
 * @param savedAt    when this version was stored
 * @param definition the pipeline as saved (its id equals {@code id})
 */
public record PipelineVersion(String id, int version, Instant savedAt, PipelineDefinition definition) {
    /** Checks presence. */
    public PipelineVersion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(definition, "definition");
    }
}
