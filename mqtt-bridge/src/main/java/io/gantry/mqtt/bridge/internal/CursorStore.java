package io.gantry.mqtt.bridge.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the bridge is in the event log, on disk ({@code <data>/mqtt/cursor}): the last event whose
 * messages the broker acknowledged, so that a restarted controller goes on from there.
 */
final class CursorStore {
    private static final Logger LOG = LoggerFactory.getLogger(CursorStore.class);

    private final Path file;
    private Cursor saved;

    /** @param file the cursor file */
    CursorStore(Path file) {
        this.file = file;
    }

    /** @return the cursor saved last; empty when there is none (or it cannot be read, which is logged) */
    Optional<Cursor> load() {
        try {
            Optional<Cursor> cursor = SmallFiles.read(file).map(Cursor::parse);
            saved = cursor.orElse(null);
            return cursor;
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read the MQTT bridge's cursor from {} ({}): starting afresh", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * @param cursor the last event acknowledged
     * @return whether it was written (false when unchanged or the write failed, which is logged)
     */
    boolean save(Cursor cursor) {
        if (cursor.equals(saved)) {
            return false;
        }
        try {
            SmallFiles.write(file, cursor.toString());
            saved = cursor;
            return true;
        } catch (IOException e) {
            LOG.warn("cannot write the MQTT bridge's cursor to {}", file, e);
            return false;
        }
    }
}
