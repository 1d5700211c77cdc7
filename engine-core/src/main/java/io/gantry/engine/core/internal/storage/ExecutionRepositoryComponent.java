package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.ExecutionRepository;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers the SQLite {@link ExecutionRepository} for as long as the database is open. */
@Component(service = ExecutionRepository.class)
public final class ExecutionRepositoryComponent extends SqliteExecutionRepository {
    /**
     * @param database the open database
     */
    @Activate
    public ExecutionRepositoryComponent(@Reference SqliteDatabase database) {
        super(database, Clock.systemUTC());
    }
}
