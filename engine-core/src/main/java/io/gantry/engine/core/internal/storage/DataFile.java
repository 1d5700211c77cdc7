package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the data folder ({@code gantry.data}), resolves the configured database path in it and makes sure its folder exists. */
public final class DataFile {
    /** The framework or system property naming the data folder. */
    public static final String DATA_PROPERTY = "gantry.data";

    /** Where data goes when the {@code gantry.data} property is not set. */
    static final String DEFAULT_DATA_DIR = "./data";

    private DataFile() {}

    /**
     * @param dataDir the value of the {@code gantry.data} property; null or blank for the default
     * @return the absolute path of the data folder (not created here)
     */
    public static Path folder(String dataDir) {
        String dir = dataDir == null || dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir;
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /**
     * @param configured the configured path, possibly with {@code ${gantry.data}}
     * @param dataDir    the value of the {@code gantry.data} property; null or blank for the default
     * @return the absolute path of the database file, its folder created
     * @throws StorageException when the folder cannot be created
     */
    public static Path resolve(String configured, String dataDir) {
        Path file = Path.of(configured.replace(
                        StorageConfiguration.DATA_PLACEHOLDER, folder(dataDir).toString()))
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
