package io.gantry.engine.api.storage;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineVersion;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores pipelines with their whole history. Every saved version is immutable and stays readable
 * until the pipeline is deleted; a change is always a new version. A write returns only once it is
 * durable. Implementations are safe to call from many threads.
 *
 * <p>The repository does not validate definitions: that is the caller's job, before saving.
 */
@ProviderType
public interface PipelineRepository {
    /**
     * Stores a new pipeline as version 1.
     *
     * @param definition the pipeline; when its id is null the repository assigns a random UUID
     * @return the stored version 1, whose definition carries the (given or assigned) id
     * @throws io.gantry.engine.api.error.ConflictException when a pipeline with that id exists
     * @throws StorageException when the store fails; nothing is stored
     */
    PipelineVersion create(PipelineDefinition definition);

    /**
     * Stores version n+1 of a pipeline, atomically with the check of {@code expectedVersion}: of two
     * callers that expect the same version, exactly one succeeds.
     *
     * @param id              the pipeline's id
     * @param definition      the new content; it is stored with its id set to {@code id}
     * @param expectedVersion the version the caller based its change on; null to skip the check
     * @return the stored version
     * @throws NotFoundException when there is no pipeline {@code id}
     * @throws io.gantry.engine.api.error.PreconditionFailedException when the latest version is not
     *     {@code expectedVersion}; the message names both
     * @throws StorageException when the store fails; nothing is stored
     */
    PipelineVersion saveNewVersion(String id, PipelineDefinition definition, Integer expectedVersion);

    /**
     * Restores an old version by saving its definition as a new version (history is never rewritten).
     *
     * @param id              the pipeline's id
     * @param version         the version whose definition to restore
     * @param expectedVersion the version the caller believes is the latest; null to skip the check
     * @return the new version
     * @throws NotFoundException when the pipeline or the version does not exist
     * @throws io.gantry.engine.api.error.PreconditionFailedException when the latest version is not
     *     {@code expectedVersion}
     * @throws StorageException when the store fails; nothing is stored
     */
    default PipelineVersion restore(String id, int version, Integer expectedVersion) {
        PipelineVersion old = version(id, version)
                .orElseThrow(() -> new NotFoundException("pipeline '" + id + "' has no version " + version));
        return saveNewVersion(id, old.definition(), expectedVersion);
    }

    /**
     * @param id the pipeline's id
     * @return its latest version; empty when there is no such pipeline
     * @throws StorageException when the store fails
     */
    Optional<PipelineVersion> latest(String id);

    /**
     * @param id      the pipeline's id
     * @param version a version number
     * @return that version; empty when the pipeline or the version does not exist
     * @throws StorageException when the store fails
     */
    Optional<PipelineVersion> version(String id, int version);

    /**
     * @param id the pipeline's id
     * @return every version, oldest first; empty when there is no such pipeline
     * @throws StorageException when the store fails
     */
    List<PipelineVersion> versions(String id);

    /**
     * @return the latest version of every pipeline, by id
     * @throws StorageException when the store fails
     */
    List<PipelineVersion> latestOfAll();

    /**
     * Deletes a pipeline and its whole history. Its id may be used again afterwards, starting from
     * version 1. Execution records of the pipeline are kept.
     *
     * @param id the pipeline's id
     * @return true when it existed
     * @throws StorageException when the store fails; nothing is deleted
     */
    boolean delete(String id);
}
