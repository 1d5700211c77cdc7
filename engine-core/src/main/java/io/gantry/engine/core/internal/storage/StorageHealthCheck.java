package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.engine.api.health.HealthStatus;
import io.gantry.engine.core.internal.health.HealthPart;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reports whether the database takes writes: an empty write transaction must commit. */
@Component
@HealthPart("storage")
public final class StorageHealthCheck implements HealthCheck {
    private final SqliteDatabase database;

    /**
     * @param database the open database
     */
    @Activate
    public StorageHealthCheck(@Reference SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public String part() {
        return "storage";
    }

    @Override
    public HealthStatus check() {
        try {
            database.write("health check", connection -> null);
            return HealthStatus.up(Map.of("database", database.name()));
        } catch (RuntimeException e) {
            return HealthStatus.down("database " + database.name() + " does not take writes: " + e.getMessage());
        }
    }
}
