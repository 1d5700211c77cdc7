package io.gantry.engine.core.internal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The last version of each deployed file that worked, kept under {@code data/plugins/} to go back
 * to when a newer one does not, and the order in which the files were first deployed (an id belongs
 * to the plugin that came first, so a restart must deploy in the same order). Every write goes to a
 * temporary file that is then moved into place atomically: a kill at any moment leaves the old or
 * the new copy, never half of one.
 */
final class LastGoodCopies {
    private static final String ORDER = ".deploy-order";
    private static final String TEMPORARY = ".tmp";

    private final Path folder;

    LastGoodCopies(Path folder) {
        this.folder = folder;
    }

    /** Deletes what a kill left half-written. */
    void clean() {
        for (Path file : files()) {
            if (file.getFileName().toString().endsWith(TEMPORARY)) {
                delete(file);
            }
        }
    }

    /** @return the names of the files that have a last good copy */
    List<String> kept() {
        List<String> names = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (!name.startsWith(".")) {
                names.add(name);
            }
        }
        return names;
    }

    Optional<byte[]> read(String name) {
        Path copy = folder.resolve(name);
        try {
            return Files.isRegularFile(copy) ? Optional.of(Files.readAllBytes(copy)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the last good copy of " + name, e);
        }
    }

    void keep(String name, byte[] jar) {
        write(name, jar);
        List<String> order = order();
        if (!order.contains(name)) {
            order.add(name);
            write(ORDER, String.join("\n", order).getBytes(StandardCharsets.UTF_8));
        }
    }

    void forget(String name) {
        delete(folder.resolve(name));
        List<String> order = order();
        if (order.remove(name)) {
            write(ORDER, String.join("\n", order).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** @return file names in the order they were first deployed */
    List<String> order() {
        Path file = folder.resolve(ORDER);
        try {
            if (!Files.isRegularFile(file)) {
                return new ArrayList<>();
            }
            List<String> names = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void write(String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path temporary = folder.resolve("." + name + TEMPORARY);
            // forced to disk: a cell PC loses power more often than it is killed
            try (FileChannel channel = FileChannel.open(
                    temporary,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            Files.move(
                    temporary,
                    folder.resolve(name),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep " + name + " in " + folder, e);
        }
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
