package io.gantry.engine.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Writes a file that holds a secret: readable by the controller's OS user only (POSIX mode 0600) from
 * the moment it exists, and complete or absent. It is written beside its final name with those
 * permissions from its creation, synced, and moved into place; a file created first and restricted
 * after would be readable by others in between.
 */
final class OwnerOnlyFile {
    private OwnerOnlyFile() {}

    /**
     * @param file where the text goes; its folder is created when missing, an existing file replaced
     * @param text what it holds
     * @throws IOException when it cannot be written; then the file is as it was
     */
    static void write(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = createTemp(folder, file.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            moveIntoPlace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Path createTemp(Path folder, String name) throws IOException {
        try {
            return Files.createTempFile(
                    folder,
                    "." + name,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the folder's access lists decide who may read it
            return Files.createTempFile(folder, "." + name, ".tmp");
        }
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
