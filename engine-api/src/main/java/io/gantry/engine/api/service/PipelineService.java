package io.gantry.engine.api.service;

import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineSummary;
import io.gantry.engine.api.pipeline.PipelineVersion;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Stores and validates pipelines: the use cases behind {@code /api/pipelines}. */
@ProviderType
public interface PipelineService {
    /**
     * Validates and stores a new pipeline as version 1.
     *
     * @param definition the pipeline; its id is kept when given
     * @return the stored version
     * @throws io.gantry.engine.api.error.PipelineValidationException when invalid; nothing is stored
     * @throws io.gantry.engine.api.error.ConflictException when the id is taken
     */
    PipelineVersion create(PipelineDefinition definition);

    /**
     * Validates and stores version n+1 of a pipeline.
     *
     * @param id              the pipeline's id
     * @param definition      the new content
     * @param expectedVersion the version the client based its change on; null to skip the check
     * @return the stored version
     * @throws io.gantry.engine.api.error.PreconditionFailedException when the latest version is not the expected one
     */
    PipelineVersion update(String id, PipelineDefinition definition, Integer expectedVersion);

    /**
     * @param id the pipeline's id
     * @return its latest version
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    PipelineVersion latest(String id);

    /**
     * @param id      the pipeline's id
     * @param version a version number
     * @return that version
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    PipelineVersion version(String id, int version);

    /**
     * @param id the pipeline's id
     * @return every version, oldest first
     */
    List<PipelineVersion> versions(String id);

    /** @return every pipeline with its latest version */
    List<PipelineSummary> list();

    /**
     * Deletes a pipeline and its history.
     *
     * @param id the pipeline's id
     */
    void delete(String id);

    /**
     * Validates a pipeline against the plugins and devices present now.
     *
     * @param definition the pipeline
     * @throws io.gantry.engine.api.error.PipelineValidationException listing every problem found
     */
    void validate(PipelineDefinition definition);
}
