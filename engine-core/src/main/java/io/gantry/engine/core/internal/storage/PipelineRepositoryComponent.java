package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.PipelineRepository;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers the SQLite {@link PipelineRepository} for as long as the database is open. */
@Component(service = PipelineRepository.class)
public final class PipelineRepositoryComponent extends SqlitePipelineRepository {
    /**
     * @param database the open database
     */
    @Activate
    public PipelineRepositoryComponent(@Reference SqliteDatabase database) {
        super(database, Clock.systemUTC());
    }
}
