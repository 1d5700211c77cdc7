package io.gantry.engine.api.storage;

import io.gantry.engine.api.error.GantryException;

/**
 * The store itself failed (disk full, file unreadable, database locked for too long). Nothing the
 * caller did wrong; the write it reports was not acknowledged.
 */
public class StorageException extends GantryException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and where
     * @param cause   the underlying failure
     */
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param message what failed and where
     */
    public StorageException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "internal";
    }
}
