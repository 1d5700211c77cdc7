package io.gantry.engine.api.pipeline;

import java.time.Instant;

/**
 * A line of the pipeline list.
 *
 * @param id        the pipeline's id
 * @param name      its latest name
 * @param version   its latest version
 * @param updatedAt when the latest version was saved
 * @param valid     whether the latest version validates now (false when e.g. a plugin it needs is gone)
 */
public record PipelineSummary(String id, String name, int version, Instant updatedAt, boolean valid) {}
