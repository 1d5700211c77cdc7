package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.DeviceRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Registers the SQLite {@link DeviceRepository} for as long as the database is open. */
@Component(service = DeviceRepository.class)
public final class DeviceRepositoryComponent extends SqliteDeviceRepository {
    /**
     * @param database the open database
     */
    @Activate
    public DeviceRepositoryComponent(@Reference SqliteDatabase database) {
        super(database);
    }
}
