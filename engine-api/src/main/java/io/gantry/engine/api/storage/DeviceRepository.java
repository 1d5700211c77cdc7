package io.gantry.engine.api.storage;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Stores device instances: their type, name, config and whether they should be connected. A write
 * returns only once it is durable. Implementations are safe to call from many threads.
 */
@ProviderType
public interface DeviceRepository {
    /**
     * Inserts a device or replaces the stored one with the same id.
     *
     * @param device the device
     * @throws StorageException when the store fails; nothing is stored
     */
    void save(StoredDevice device);

    /**
     * @param id a device id
     * @return the device; empty when there is none
     * @throws StorageException when the store fails
     */
    Optional<StoredDevice> find(String id);

    /**
     * @return every device, by id
     * @throws StorageException when the store fails
     */
    List<StoredDevice> findAll();

    /**
     * @param id a device id
     * @return true when it existed
     * @throws StorageException when the store fails; nothing is deleted
     */
    boolean delete(String id);

    /**
     * Records whether the operator wants the device connected, without touching the rest.
     *
     * @param id        a device id
     * @param connected the wanted state
     * @return true when the device exists (and was updated); false when there is none
     * @throws StorageException when the store fails; nothing is stored
     */
    boolean setShouldBeConnected(String id, boolean connected);
}
