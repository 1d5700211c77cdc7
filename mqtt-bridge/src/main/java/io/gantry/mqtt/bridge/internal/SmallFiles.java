package io.gantry.mqtt.bridge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** One-line state files under the data folder, replaced whole so that a crash leaves the old or the new. */
final class SmallFiles {
    private SmallFiles() {}

    /**
     * @param file a state file
     * @return its text, trimmed; empty when it does not exist
     * @throws IOException when it exists but cannot be read
     */
    static Optional<String> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    /**
     * Writes aside and moves into place.
     *
     * @param file a state file
     * @param text its new content
     * @throws IOException when it cannot be written
     */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(aside, text + "\n", StandardCharsets.UTF_8);
        Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
