package io.gantry.engine.core.internal.usecase;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.api.pipeline.PipelineDefinition;
import io.gantry.engine.api.pipeline.PipelineSummary;
import io.gantry.engine.api.pipeline.PipelineVersion;
import io.gantry.engine.api.service.PipelineService;
import io.gantry.engine.api.storage.PipelineRepository;
import io.gantry.engine.core.internal.validation.LiveValidator;
import java.util.List;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Stores pipelines: validate first, then save a new immutable version — nothing stored when invalid. */
@Component(service = PipelineService.class)
public final class PipelineServiceImpl implements PipelineService {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final PipelineRepository repository;
    private final LiveValidator validator;

    /**
     * @param repository where versions are stored
     * @param validator  checks against the live plugins and devices
     */
    @Activate
    public PipelineServiceImpl(@Reference PipelineRepository repository, @Reference LiveValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Override
    public PipelineVersion create(PipelineDefinition definition) {
        if (definition.id() != null && !ID.matcher(definition.id()).matches()) {
            throw new PipelineValidationException(List.of(new Problem(
                    "id",
                    "invalid-id",
                    "pipeline id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")));
        }
        validator.validate(definition);
        return repository.create(definition);
    }

    @Override
    public PipelineVersion update(String id, PipelineDefinition definition, Integer expectedVersion) {
        latest(id);
        validator.validate(definition.withId(id));
        return repository.saveNewVersion(id, definition.withId(id), expectedVersion);
    }

    @Override
    public PipelineVersion latest(String id) {
        return repository.latest(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public PipelineVersion version(String id, int version) {
        return repository
                .version(id, version)
                .orElseThrow(() -> new NotFoundException("pipeline '" + id + "' has no version " + version));
    }

    @Override
    public List<PipelineVersion> versions(String id) {
        List<PipelineVersion> versions = repository.versions(id);
        if (versions.isEmpty()) {
            throw notFound(id);
        }
        return versions;
    }

    @Override
    public List<PipelineSummary> list() {
        return repository.latestOfAll().stream()
                .map(v -> new PipelineSummary(
                        v.id(), v.definition().name(), v.version(), v.savedAt(), validator.isValid(v.definition())))
                .toList();
    }

    @Override
    public void delete(String id) {
        if (!repository.delete(id)) {
            throw notFound(id);
        }
    }

    @Override
    public void validate(PipelineDefinition definition) {
        validator.validate(definition);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("pipeline '" + id + "' does not exist");
    }
}
