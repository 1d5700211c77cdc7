package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the configured database path and makes sure its folder exists. */
final class DataFile {
    /** Where data goes when the {@code gantry.data} property is not set. */
    static final String DEFAULT_DATA_DIR = "./data";

    private DataFile() {}

    /**
     * @param configured the configured path, possibly with {@code ${gantry.data}}
     * @param dataDir    the value of the {@code gantry.data} property; null or blank for the default
     * @return the absolute path of the database file, its folder created
     * @throws StorageException when the folder cannot be created
     */
    static Path resolve(String configured, String dataDir) {
        String dir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        Path file = Path.of(configured.replace(StorageConfiguration.DATA_PLACEHOLDER, dir))
                .toAbsolutePath()
                .normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create the data folder " + file.getParent(), e);
        }
        return file;
    }
}
